"""sohoa: app/commands."""
