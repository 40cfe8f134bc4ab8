"""Department bundles: one catalog per department, merged into the institution's catalog.

``format`` (the file, its hash and checks), ``export`` (a department writes its bundle),
``conflicts`` (what a merge will not decide by itself), ``merge`` (folding bundles in).
"""
