"""Output formats: each module renders the answers' payloads (digiday.answers) as text. Only
`text` (with its engine, `layout`) imports Rich and only `ics` imports icalendar."""
