"""sohoa: extractors."""
