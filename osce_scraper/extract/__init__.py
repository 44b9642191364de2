"""Pure parsing: HTML and text to values. Nothing here fetches or writes."""
