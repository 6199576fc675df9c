"""sohoa: schemas."""
