"""What a register cell may hold, as grammars for constrained CTC decoding (pipeline/icr/ctc.py).

One module per field kind: names (word by word), places (a dated gazetteer, decoded as a path), dates
(calendar-valid, in the register's years), closed lists (ethnic groups, nationality, sex) and entry numbers.
``kinds.grammar_for`` picks the grammar of a kind for a register's context.
"""
