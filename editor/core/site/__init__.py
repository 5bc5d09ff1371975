"""The site around a post: discovery and configuration (`site`), the fast index
of every post's front matter (`post_index`)."""
