"""new-tag: info, with "did you mean" only for near-certain slips."""

from validation_helpers import post


def _site(jekyll):
    for i in range(3):
        jekyll.write(f"_posts/2021-05-1{i}-p.md", post(tags="[python, 개발, machine-learning]"))


def test_new_tag_with_case_and_space_suggestions(jekyll):
    _site(jekyll)
    jekyll.write("_posts/2021-06-01-new.md",
                 post(tags='[Python, "개발 ", machine learning, pyhton, cooking]'))
    found = jekyll.check("_posts/2021-06-01-new.md", "new-tag")
    fixes = {d.message.split("'")[1]: d.fix for d in found}
    assert fixes == {"Python": "did you mean 'python'?", "개발 ": "did you mean '개발'?",
                     "pyhton": "did you mean 'python'?", "cooking": None,
                     "machine learning": "did you mean 'machine-learning'?"}
    assert all(d.severity == "info" and d.key == "tags" and d.line == 3 for d in found)


def test_tags_in_use_elsewhere_are_not_new(jekyll):
    _site(jekyll)
    jekyll.write("_posts/2021-06-01-old.md", post(tags="[python, 개발]"))
    assert jekyll.check("_posts/2021-06-01-old.md", "new-tag") == []


def test_a_posts_own_saved_tags_do_not_count_as_use_elsewhere(jekyll):
    _site(jekyll)
    jekyll.write("_posts/2021-06-01-own.md", post(tags="[rust]"))
    found = jekyll.check("_posts/2021-06-01-own.md", "new-tag")
    assert [d.message for d in found] == ["new tag 'rust': no other post uses it"]
    assert found[0].column > 1  # points at the term itself, for the form
