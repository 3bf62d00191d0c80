"""Parse CSV texts with Python's csv module (an independent parser).

Reads a JSON list of {"text": ..., "delimiter": ...} on stdin and prints a JSON
list: for each text, the records as [start line, cells] (an empty line is one
empty cell), or {"error": ...} when Python refuses the text.
"""
import csv
import io
import json
import sys

out = []
for case in json.load(sys.stdin):
    reader = csv.reader(io.StringIO(case["text"], newline=""), delimiter=case["delimiter"])
    records = []
    try:
        while True:
            before = reader.line_num
            try:
                row = next(reader)
            except StopIteration:
                break
            records.append([before + 1, row if row else [""]])
        out.append(records)
    except csv.Error as e:
        out.append({"error": str(e)})
json.dump(out, sys.stdout)
