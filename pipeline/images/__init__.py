"""Image stages before OCR, one job per module: skew (with a confidence), resolution from the text's own size,
colour (the channel with most contrast, white-on-dark regions), book spreads, phone photos of a page.
``pipeline.preprocess`` runs them in order; docs/images.md tells what each one decides and when it abstains."""
