"""interchange: the per-record readers of v2 (quotes, schedules, pay links, history)"""
