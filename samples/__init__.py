"""sohoa: samples. A deterministic generator of Vietnamese civil-status documents with ground truth
(``python -m samples.generate``), and a small committed set made by it (``samples/committed/``).
See docs/samples/README.md."""
