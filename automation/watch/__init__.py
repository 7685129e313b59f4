"""Watching: the scheduled check that compares the pages with what a person wished for, and the
system scheduler (systemd, launchd, cron) that runs it.
"""
