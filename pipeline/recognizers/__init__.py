"""Line recognizers behind one interface (``base.Recognizer``): Tesseract and the bundled ONNX CTC line
recognizer, a text-line finder of our own, and the fallback that reads a poorly read page's lines with the second
engine (docs/recognizers.md)."""
