"""Scanning: folder walk, format sniffing, readers, header detection, profiling, PII."""
