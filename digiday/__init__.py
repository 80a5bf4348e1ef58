"""digiday: a reference tool for Vietnam's National Digital Transformation Day (10 October)."""

__version__ = "1.3.0"
