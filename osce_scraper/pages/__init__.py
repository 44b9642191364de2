"""What a page shows, as text: the spider's callbacks read every page once with these readers.

Pages are read with parsel (the selectors Scrapy gives every response) by their visible text,
not by CSS classes: osce.org's markup is unknown and may change, its labels and datelines do not.
No HTML leaves this package.
"""
