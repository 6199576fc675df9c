"""sohoa: flows."""
