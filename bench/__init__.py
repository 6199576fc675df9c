"""sohoa: bench."""
