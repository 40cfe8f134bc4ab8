"""The intranet catalog page: a read-only browsing copy of the catalog (``publish``), its Korean
Datasette metadata (``metadata``) and the server with its bind and password rules (``server``)."""
