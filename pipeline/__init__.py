"""sohoa's core: one module per pipeline stage, typed models, configuration and errors.

No Prefect, no web framework and no storage client are imported here at module level
(storage clients live in ``pipeline.store``).
"""
