"""The one POST-button macro: the CSRF token, extra fields, confirmation and htmx swap in one place."""
from flask import render_template_string

MACRO = '{% from "_macros/forms.html" import post_button %}'


def test_post_button_carries_the_token_and_escapes_what_it_shows(app, csrf_on):
    with app.test_request_context("/"):
        html = render_template_string(
            MACRO + "{{ post_button('/x/1/delete', label, confirm=ask, hidden={'next': nxt}, hx_target='#rows') }}",
            label="<b>Xóa</b>", ask='Xóa "A"?', nxt="/a?b=1&c=<2>")
    assert 'name="csrf_token" value="' in html and 'value=""' not in html
    assert 'hx-post="/x/1/delete" hx-target="#rows" hx-swap="outerHTML"' in html
    assert 'data-confirm="Xóa &#34;A&#34;?"' in html
    assert '<input type="hidden" name="next" value="/a?b=1&amp;c=&lt;2&gt;">' in html
    assert "&lt;b&gt;Xóa&lt;/b&gt;" in html and "<b>" not in html


def test_post_button_without_htmx_is_a_plain_form(app):
    with app.test_request_context("/"):
        html = render_template_string(MACRO + "{{ post_button('/logout', 'Đăng xuất', 'secondary', None) }}")
    assert "hx-post" not in html and "data-confirm" not in html and "class=\"secondary\"" in html
    assert '<form method="post" action="/logout">' in html
