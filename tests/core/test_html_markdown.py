"""Rich text from the clipboard becomes clean Markdown; nothing active passes.

The fragments are written in the shapes the editors put on the clipboard."""

from __future__ import annotations

from editor.core.post.html_markdown import html_to_markdown

BROWSER = """<html><body><!--StartFragment--><h2 id="setup">Setup</h2>
<p>Run <code>pip install galley</code> and open <a href="https://example.org/docs" title="Docs">the docs</a>.</p>
<ol><li>First</li><li>Second with <strong>bold</strong></li></ol>
<pre><code class="language-python">def f(x):
    return x &lt; 1
</code></pre>
<table><thead><tr><th>이름</th><th>값</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody></table>
<!--EndFragment--></body></html>"""

GOOGLE_DOCS = ('<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5d0e2a61-7fff-1c2b-9a3c">'
               '<h1 dir="ltr" style="line-height:1.38;"><span style="font-size:20pt;font-family:Arial;">여행 기록</span></h1>'
               '<p dir="ltr"><span style="font-weight:700;">굵은 글</span><span style="font-weight:400;"> 그리고 </span>'
               '<span style="font-style:italic;font-weight:400;">기울임</span></p><br>'
               '<ul><li dir="ltr"><p dir="ltr"><span>하나</span></p></li><li dir="ltr"><p dir="ltr"><span>둘</span></p></li></ul></b>')

TISTORY = ('<h3 data-ke-size="size23">티스토리 제목</h3><p data-ke-size="size16">첫 문단입니다.</p>'
           '<p data-ke-size="size16">&nbsp;</p>'
           '<figure class="imageblock alignCenter" data-ke-mobilestyle="widthOrigin" data-origin-width="800">'
           '<span data-url="https://blog.kakaocdn.net/dn/a/img.png" data-phocus="https://blog.kakaocdn.net/dn/a/img.png">'
           '<img src="https://blog.kakaocdn.net/dn/a/img.png" alt="풍경" onerror="this.onerror=null;" data-ke-mobilestyle="widthOrigin"></span></figure>'
           '<blockquote data-ke-style="style2">인용문</blockquote>'
           '<hr contenteditable="false" data-ke-type="horizontalRule" data-ke-style="style5">'
           '<pre id="code_1" class="python" data-ke-language="python" data-ke-type="codeblock"><code>print("안녕")</code></pre>')

NAVER = ('<div class="se-component se-text se-l-default"><div class="se-component-content"><div class="se-section se-section-text">'
         '<div class="se-module se-module-text"><p class="se-text-paragraph se-text-paragraph-align-"><span class="se-fs-fs15 se-ff-">'
         '\u200b네이버 블로그 <b>본문</b></span></p><p class="se-text-paragraph"><span>\u200b</span></p>'
         '<p class="se-text-paragraph"><span class="se-fs-fs15">둘째 문단</span></p></div></div></div></div>')

WORD = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
        '<head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{margin:0cm;}</style></head><body lang=KO>'
        '<!--StartFragment--><p class=MsoNormal><b><span lang=EN-US>Report</span></b><span lang=EN-US> text<o:p></o:p></span></p>'
        '<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">·'
        '<span style="font:7.0pt">&nbsp;&nbsp;</span></span><![endif]>apples<o:p></o:p></p>'
        '<p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">·'
        '</span><![endif]>pears<o:p></o:p></p><!--EndFragment--></body></html>')

HOSTILE = ('<p onclick="steal()">Hello <a href="javascript:alert(1)">click</a> <a href=" JaVaScRiPt:x()">two</a></p>'
           '<script>alert("x")</script><style>body{display:none}</style><iframe src="https://evil.example"></iframe>'
           '<p>&lt;script&gt;alert(2)&lt;/script&gt; and <img src="x" onerror="alert(3)" alt="pic"></p>'
           '<img src="data:image/png;base64,iVBORw0KGgo=" alt="blob">')


def test_browser_html():
    assert html_to_markdown(BROWSER) == (
        "## Setup\n\n"
        "Run `pip install galley` and open [the docs](https://example.org/docs \"Docs\").\n\n"
        "1. First\n2. Second with **bold**\n\n"
        "```python\ndef f(x):\n    return x < 1\n```\n\n"
        "| 이름 | 값 |\n| --- | --- |\n| a | 1 |")


def test_google_docs_wrapper_and_styled_spans():
    assert html_to_markdown(GOOGLE_DOCS) == "# 여행 기록\n\n**굵은 글** 그리고 *기울임*\n\n- 하나\n- 둘"


def test_tistory_markup():
    assert html_to_markdown(TISTORY) == (
        "### 티스토리 제목\n\n첫 문단입니다.\n\n![풍경](https://blog.kakaocdn.net/dn/a/img.png)\n\n"
        "> 인용문\n\n---\n\n```python\nprint(\"안녕\")\n```")


def test_naver_editor_and_its_zero_width_spaces():
    assert html_to_markdown(NAVER) == "네이버 블로그 **본문**\n\n둘째 문단"


def test_word_paragraph_lists_become_a_list():
    assert html_to_markdown(WORD) == "**Report** text\n\n- apples\n- pears"


def test_scripts_styles_and_event_attributes_never_pass():
    md = html_to_markdown(HOSTILE)
    assert "<script" not in md.lower() and "javascript" not in md.lower()
    assert "steal" not in md and "onerror" not in md and "display:none" not in md and "evil" not in md
    assert "data:" not in md
    assert md == "Hello click two\n\n&lt;script>alert(2)&lt;/script> and ![pic](x)\n\nblob"
