"""The dock panes linked through the document: event details, organizations, protocols,
people and countries, and country memberships."""
