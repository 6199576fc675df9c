"""sohoa: samples."""
