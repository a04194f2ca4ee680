"""What every human format shares: numbers at a KPI's precision, the layout of goals and
summaries, the note marks, the outlook cell, the text grid (folding) and escaping (one
function per kind of output); the Markdown summary table (`summary`: check's Markdown and
the Markdown report) and the xlsx sheet helpers (`workbook`: check's xlsx export and the
fill-in sheet). Formats (`formats/`, `report/`, `entry/`) import these; these never import
a format."""
