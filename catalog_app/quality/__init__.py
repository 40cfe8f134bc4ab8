"""품질진단: value-level error rates on every column, 제공표준 conformance and a fix log (issue 13).

The way through, one module per step:

* ``plan``: from the catalog, what to check in each table: every column gets rules from its
  standard domain (an accepted decision, else an exact match) or else from its profiled type, plus
  the built-in Korean rules its name or values call for (``semantics``), the business rules a
  quality manager added (``business``) and, when the table follows a 공공데이터 제공표준, that
  standard's item rules (``provision``). Plans are plain data: they cross into the reader process.
* ``stream``: the file read again, streamed through the same readers and row classes as the scan
  (the Arrow path for big CSVs; workbooks in the reader process), chunks of data rows to
* ``evaluate``: every rule counted over every value (vectorised on each chunk's distinct values),
  masked error samples, never the raw values kept;
* ``job``: the run (job lock, progress, cancel) and ``store``: runs, findings, the fix log;
* ``report`` (the ``quality show --json`` contract and rates per rule, column, dataset,
  department and institution, each with its formula) and ``export`` (the xlsx report).

오류율 = 오류 값 / 점검 값 × 100: the app's computation after common practice
(the 품질진단 guides define no formula the app could follow), labelled as such wherever it is shown.
"""
