"""Recording figures: the fill-in sheet, reading filled sheets, and the one YAML writer.

- `numbers`: Japanese number forms ("174,275人", "△1.5", "集計中") -> a figure (pure).
- `sheets`: xlsx / csv files -> rows of cells with their locations (FILE.xlsx:SHEET!C12).
- `importer`: rows -> figures for the writer, every problem as a located diagnostic.
- `template`: the fill-in sheet for a year (xlsx or csv; its sheet helpers are
  `present/workbook`, shared with check's xlsx export).
- `writer`: the one writer of data/actuals/<year>.yaml (lock, merge, atomic replace).
- `missing`: the KPIs with no figure for a year, grouped by goal and policy.
- `summary`: what import and record print; `actions`: the commands' library side;
  `cli`: the Typer commands (template, import, record, missing).
"""
