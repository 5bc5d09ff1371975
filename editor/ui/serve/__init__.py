"""Site preview: the site's own development server beside the fast preview."""
