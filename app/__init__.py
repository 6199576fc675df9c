"""sohoa: app."""
