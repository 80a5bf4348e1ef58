"""The facts and the calendar: the model, its dates, and what today is. No output."""
