"""The page: finding, reading and changing a control on a platform's page (switches, chips, row
buttons, radios, offers), the platform's own confirmation pop-ups, the walls that stand
before a page (sign-in forms, code forms) and the sign that a page belongs to a signed-in
account.
"""
