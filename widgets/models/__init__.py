"""Pure models: functions of plain numbers and DataFrames. No I/O, no widgets, no charts."""
