"""Handwritten cell reading (ICR): a line recognizer with per-frame character probabilities, and CTC decoding."""
