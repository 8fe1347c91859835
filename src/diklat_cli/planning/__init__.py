"""The planning core: pure functions from a workspace and a day to values (calendar, plan, findings, handover)."""
