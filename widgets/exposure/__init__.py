"""China's export controls applied to the items a company exports (``model``: rules in force, the value test
on Annex 1 Part II items, result codes), the teaching items (``sample``) and their starting values (``start``)."""
