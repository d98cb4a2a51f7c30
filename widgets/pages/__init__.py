"""One module per chapter: the figures and short texts its prose shows, computed from the data and the models
and formatted for reading (dates as dates, figures rounded to what their inputs carry). A chapter's hidden
setup cell calls the module's ``glue_all()``; tests call ``numbers()`` and check each value against the
model it comes from. Nothing here computes a model result itself."""
