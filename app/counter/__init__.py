"""The one-stop-shop counter's rules as code and data: the procedure catalogue (``procedures``), working-day
return dates (``workdays``), the dossier life cycle (``lifecycle``), the server's acknowledgement of each
step (``acknowledgement``) and the papers of Circular 01/2018/TT-VPCP (``papers``)."""
