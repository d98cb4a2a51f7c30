"""The claim ledger and the data's provenance: rows per confidence tag, claims per verdict, report parts
(``model``)."""
