"""mlcareer: a command-line career guide for machine learning engineering."""

__version__ = "0.1.0"
