"""The text layer: what several parts of newsworker read in text the same way (no faust).

``script``: Kazakh's own letters, the Cyrillic and Latin letter classes, a script-based guess of
Kazakh, Russian or English, and Latin-script Kazakh.  ``language``: the language of an item
(the script test first, py3langid where it leaves doubt).  ``speech``: Russian speech verbs, which quote
attribution reads as cues and the entity layer as a sign of a credited source.
"""
