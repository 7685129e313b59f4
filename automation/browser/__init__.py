"""The browser: launching Chromium (headless, or in a window), the pool of contexts and pages a
check works through, and the light mode that keeps pages from loading what a check does not
need. It knows no platform's page.
"""
