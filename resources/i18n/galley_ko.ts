<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>About</name>
    <message>
        <location filename="../../editor/ui/help/about.py" line="+41"/>
        <source>A desktop editor for the posts of static sites (Jekyll, Hugo).</source>
        <translation>정적 사이트(Jekyll, Hugo)의 글을 쓰는 데스크톱 편집기입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt {qt} · PySide6 {pyside} · Python {python}</source>
        <translation>Qt {qt} · PySide6 {pyside} · Python {python}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Released under the MIT licence.</source>
        <translation>MIT 라이선스로 배포됩니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Galley</source>
        <translation>Galley 정보</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../editor/ui/actions.py" line="+43"/>
        <source>Follow System</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Code</source>
        <translation>코드(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;/&gt;</source>
        <translation>&lt;/&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert I&amp;mage</source>
        <translation>이미지 삽입(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading &amp;1</source>
        <translation>제목 1(&amp;1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H1</source>
        <translation>H1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading &amp;2</source>
        <translation>제목 2(&amp;2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H2</source>
        <translation>H2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heading &amp;3</source>
        <translation>제목 3(&amp;3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H3</source>
        <translation>H3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;ulleted List</source>
        <translation>글머리 기호 목록(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>•</source>
        <translation>•</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Numbered List</source>
        <translation>번호 목록(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1.</source>
        <translation>1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quote</source>
        <translation>인용(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>❝</source>
        <translation>❝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Horizontal &amp;Rule</source>
        <translation>가로줄(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert</source>
        <translation>되돌리기(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ublish</source>
        <translation>발행(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make &amp;Draft</source>
        <translation>초안으로 만들기(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rena&amp;me File from Title</source>
        <translation>제목으로 파일 이름 바꾸기(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to &amp;Trash…</source>
        <translation>휴지통으로 이동(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace…</source>
        <translation>바꾸기(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cu&amp;t</source>
        <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste as P&amp;lain Text</source>
        <translation>일반 텍스트로 붙여넣기(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pr&amp;eferences…</source>
        <translation>환경 설정(&amp;E)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Format &amp;Toolbar</source>
        <translation>서식 도구 모음(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User Guide</source>
        <translation>사용 설명서(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Galley</source>
        <translation>Galley 정보(&amp;A)</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>&amp;Bold</source>
        <extracomment>The Format menu: (command of editor.core.post.formatting, action name, menu text, shortcut, icon theme name, the toolbar&apos;s text when the theme has no icon).</extracomment>
        <translation>굵게(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Italic</source>
        <translation>기울임꼴(&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Insert &amp;Link</source>
        <translation>링크 삽입(&amp;L)</translation>
    </message>
    <message>
        <source>Paste as &amp;Plain Text</source>
        <translation type="vanished">일반 텍스트로 붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Front-Matter &amp;Form</source>
        <translation>머리말 양식(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preview</source>
        <translation>미리보기(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview with the Site&apos;s &amp;Generator</source>
        <translation>사이트 생성기로 미리보기(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load Remote &amp;Content</source>
        <translation>원격 콘텐츠 불러오기(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;roblems</source>
        <translation>문제(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ocus Mode</source>
        <translation>집중 모드(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Raw Front Matter</source>
        <translation>머리말 원문(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soft &amp;Wrap</source>
        <translation>자동 줄 바꿈(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Line Numbers</source>
        <translation>줄 번호(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search in S&amp;ite…</source>
        <translation>사이트에서 검색(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags and Categories…</source>
        <translation>태그와 카테고리(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>O&amp;utline</source>
        <translation>개요(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site &amp;Posts…</source>
        <translation>사이트 글 목록(&amp;P)…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>F&amp;ormat</source>
        <translation>서식(&amp;O)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Format</source>
        <translation>서식</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;{number} {name}</source>
        <translation>&amp;{number} {name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear Menu</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No recent files</source>
        <translation>최근 파일 없음</translation>
    </message>
</context>
<context>
    <name>AddFieldControl</name>
    <message>
        <location filename="../../editor/ui/front_matter/add_field.py" line="+23"/>
        <source>%n post(s)</source>
        <translation>글 %n개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no posts</source>
        <translation>글 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} — {type} · {count}</source>
        <translation>{key} — {type} · {count}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add field…</source>
        <extracomment>The writer chose a key (a known one or a new name). Carries the key (str).</extracomment>
        <translation>필드 추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a key this post does not have yet</source>
        <translation>이 글에 아직 없는 키를 추가합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key name</source>
        <translation>키 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New field&apos;s key</source>
        <translation>새 필드의 키</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add field to {group}</source>
        <translation>{group}에 필드 추가</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <location filename="../../editor/ui/editor/body_editor.py" line="+64"/>
        <source>Post text</source>
        <extracomment>What one colouring slice of a long post may take of the UI thread. The writer moved the caret to another line; carries the *file* line (1-based) now at the caret, for the preview&apos;s scroll sync and status bar. The top visible line changed by scrolling; carries the file line.</extracomment>
        <translation>글 본문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The body of the post, in Markdown</source>
        <translation>Markdown으로 쓴 글의 본문</translation>
    </message>
</context>
<context>
    <name>ChangeBanner</name>
    <message>
        <location filename="../../editor/ui/disk/change_banner.py" line="+35"/>
        <source>Reload</source>
        <extracomment>*Reload* clicked: drop my edits and load the disk version. No payload. *Keep mine* clicked: keep my text; the next save overwrites after confirming. *Compare* clicked: open the side-by-side diff. No payload. *Save* clicked on the &quot;deleted&quot; banner: write my text back. No payload. The banner was closed with ×, without a choice. No payload.</extracomment>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your edits and load the file from disk</source>
        <translation>편집한 내용을 버리고 디스크의 파일을 불러옵니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep mine</source>
        <translation>내 것 유지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep your text; saving will overwrite the file on disk</source>
        <translation>내 텍스트를 유지합니다. 저장하면 디스크의 파일을 덮어씁니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare…</source>
        <translation>비교…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write your text back to the file</source>
        <translation>내 텍스트를 파일에 다시 씁니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; changed on disk. Your unsaved edits are kept until you choose.</source>
        <translation>디스크에서 &lt;b&gt;{name}&lt;/b&gt; 파일이 바뀌었습니다. 저장하지 않은 편집 내용은 선택할 때까지 유지됩니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; was deleted or moved away on disk. Your text is kept here; Save writes it back.</source>
        <translation>디스크에서 &lt;b&gt;{name}&lt;/b&gt; 파일이 삭제되거나 다른 곳으로 옮겨졌습니다. 텍스트는 여기 남아 있으며, 저장하면 다시 씁니다.</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <location filename="../../editor/ui/git/changes_dialog.py" line="+73"/>
        <source>Changes since the last commit</source>
        <translation>마지막 커밋 이후의 변경 사항</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changed posts</source>
        <translation>바뀐 글</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Reading {name}…</source>
        <translation>{name} 읽는 중…</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <location filename="../../editor/ui/front_matter/fields/choice.py" line="+41"/>
        <source>(not set)</source>
        <translation>(설정 안 됨)</translation>
    </message>
</context>
<context>
    <name>CommitDialog</name>
    <message>
        <location filename="../../editor/ui/git/commit_dialog.py" line="+57"/>
        <location line="+21"/>
        <source>Commit</source>
        <extracomment>A commit failed with problems from the hooks. Carries [HookProblem]. The commit was made. Carries its id.</extracomment>
        <translation>커밋</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Posts to commit</source>
        <translation>커밋할 글</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Commit message</source>
        <translation>커밋 메시지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What changed, and why</source>
        <translation>무엇을, 왜 바꿨는지</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output of git and the hooks</source>
        <translation>git과 훅의 출력</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Posts to commit:</source>
        <translation>커밋할 글:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message:</source>
        <translation>메시지:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Committing (the repository&apos;s hooks are running)…</source>
        <translation>커밋하는 중(저장소의 훅을 실행하는 중)…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Committed {id}.</source>
        <translation>{id}을(를) 커밋했습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The commit failed: nothing was committed. git&apos;s and the hooks&apos; output:</source>
        <translation>커밋이 실패해 아무것도 커밋하지 않았습니다. git과 훅의 출력:</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../editor/ui/git/conflict_dialog.py" line="+59"/>
        <source>Resolve conflicts in {name}</source>
        <translation>{name}의 충돌 해결</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Yours</source>
        <translation>내 것</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theirs</source>
        <translation>상대 것</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save &amp;&amp; Mark Resolved</source>
        <translation>저장하고 해결됨으로 표시</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not mark it resolved: {detail}</source>
        <translation>해결됨으로 표시하지 못했습니다: {detail}</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <location filename="../../editor/ui/git/conflict_view.py" line="+145"/>
        <source>The merged text</source>
        <extracomment>A choice changed. Carries whether every conflict has one.</extracomment>
        <translation>합친 텍스트</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The merged text:</source>
        <translation>합친 텍스트:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Both sides changed {count} place(s): choose for each. Everything else merged by itself.</source>
        <translation>양쪽이 모두 바꾼 곳이 {count}곳입니다. 하나씩 고르세요. 나머지는 저절로 합쳐졌습니다.</translation>
    </message>
    <message>
        <source>{clean} part(s) merged by themselves; {count} place(s) changed on both sides: choose for each.</source>
        <translation type="vanished">{clean}곳은 저절로 합쳐졌습니다. 양쪽이 모두 바꾼 {count}곳은 하나씩 고르세요.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{count} place(s) still to choose.</source>
        <translation>아직 {count}곳을 골라야 합니다.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../editor/ui/front_matter/fields/date.py" line="+24"/>
        <source>not a date: not saved</source>
        <translation>날짜가 아님: 저장되지 않음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a whole date yet: not saved</source>
        <translation>아직 완전한 날짜가 아님: 저장되지 않음</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>YYYY-MM-DD HH:MM:SS +ZZZZ</source>
        <translation>YYYY-MM-DD HH:MM:SS +ZZZZ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a date in a calendar</source>
        <translation>달력에서 날짜를 고릅니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a date</source>
        <translation>날짜 고르기</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove this date from the post</source>
        <translation>글에서 이 날짜를 없앱니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../editor/core/validation/messages.py" line="+37"/>
        <source>the file is saved as {encoding}, not UTF-8; generators read posts as UTF-8, so its non-ASCII text will come out garbled</source>
        <translation>파일이 UTF-8이 아닌 {encoding}(으)로 저장되어 있습니다; 생성기는 글을 UTF-8로 읽으므로 ASCII가 아닌 글자가 깨져서 나옵니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is saved as {encoding}, not UTF-8: Jekyll cannot read it and leaves the post out of the site without a word</source>
        <translation>파일이 UTF-8이 아닌 {encoding}(으)로 저장되어 있습니다: Jekyll은 이 파일을 읽지 못하고 아무 경고 없이 글을 사이트에서 뺍니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Jekyll reads only YAML front matter between `---` lines: this {kind} front matter is published as the post&apos;s text</source>
        <translation>Jekyll은 `---` 줄 사이의 YAML 머리말만 읽습니다: 이 {kind} 머리말은 글의 본문으로 발행됩니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>this file in a posts folder has no front matter: it has no title, date or tags</source>
        <translation>글 폴더에 있는 이 파일에 머리말이 없습니다: 제목도, 날짜도, 태그도 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this file in a posts folder has no front matter: Jekyll will publish it with no title, date or layout of its own</source>
        <translation>글 폴더에 있는 이 파일에 머리말이 없습니다: Jekyll은 이 글을 자체 제목, 날짜, 레이아웃 없이 발행합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this file in a posts folder has no front matter: Hugo will publish it with an empty title</source>
        <translation>글 폴더에 있는 이 파일에 머리말이 없습니다: Hugo는 이 글을 빈 제목으로 발행합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this file in a posts folder has no front matter: Zola refuses to build a page without front matter</source>
        <translation>글 폴더에 있는 이 파일에 머리말이 없습니다: Zola는 머리말이 없는 페이지를 빌드하지 않습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the `{field}` field is required</source>
        <translation>`{field}` 필드는 필수입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the `{field}` field is required; it is empty</source>
        <translation>`{field}` 필드는 필수입니다; 값이 비어 있습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the `{field}` field is required (Jekyll will make one from the file name)</source>
        <translation>`{field}` 필드는 필수입니다(없으면 Jekyll이 파일 이름으로 만듭니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the `{field}` field is required (Jekyll will make one from the file name); it is empty</source>
        <translation>`{field}` 필드는 필수입니다(없으면 Jekyll이 파일 이름으로 만듭니다); 값이 비어 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>most posts in this site have a `{field}` field; this one does not</source>
        <translation>이 사이트의 글 대부분에는 `{field}` 필드가 있지만 이 글에는 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>most posts in this site have a `{field}` field; this one does not; it is empty</source>
        <translation>이 사이트의 글 대부분에는 `{field}` 필드가 있지만 이 글에는 없습니다; 값이 비어 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>most posts in this site write `{field}`, this one `{near}`: check which spelling the theme reads</source>
        <translation>이 사이트의 글 대부분은 `{field}`(이)라고 쓰지만 이 글은 `{near}`(이)라고 씁니다: 테마가 어느 쪽을 읽는지 확인하세요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>most posts in this site write `{field}`, this one `{near}`: check which spelling the theme reads; it is empty</source>
        <translation>이 사이트의 글 대부분은 `{field}`(이)라고 쓰지만 이 글은 `{near}`(이)라고 씁니다: 테마가 어느 쪽을 읽는지 확인하세요; 값이 비어 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>`{field}` is required</source>
        <translation>`{field}`은(는) 필수입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`{field}` should be text, but YAML read it as true/false</source>
        <translation>`{field}`은(는) 텍스트여야 하는데 YAML이 참/거짓(true/false)으로 읽었습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`{field}` should be a single text value, not a list</source>
        <translation>`{field}`은(는) 목록이 아닌 텍스트 값 하나여야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`{field}` should be a single text value, not a map</source>
        <translation>`{field}`은(는) 맵이 아닌 텍스트 값 하나여야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`{field}` should be a date such as 2021-05-10 or 2021-05-10 14:30:00 +09:00</source>
        <translation>`{field}`은(는) 2021-05-10 또는 2021-05-10 14:30:00 +09:00 같은 날짜여야 합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>`{field}` should be true or false, not the text {value} (any text counts as true)</source>
        <translation>`{field}`은(는) 텍스트 {value}이(가) 아니라 true 또는 false여야 합니다(텍스트는 무엇이든 true로 취급됩니다)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>`{field}` should be true or false</source>
        <translation>`{field}`은(는) true 또는 false여야 합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`{field}` should be a number, not the text {value}</source>
        <translation>`{field}`은(는) 텍스트 {value}이(가) 아니라 숫자여야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`{field}` should be a number</source>
        <translation>`{field}`은(는) 숫자여야 합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`{field}` should be a list such as [a, b]</source>
        <translation>`{field}`은(는) [a, b] 같은 목록이어야 합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`{field}` should be a map of keys to values</source>
        <translation>`{field}`은(는) 키와 값으로 된 맵이어야 합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`{field}` is {value}; allowed: {allowed}</source>
        <translation>`{field}` 값이 {value}입니다; 허용되는 값: {allowed}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`{field}` does not match the pattern {pattern}</source>
        <translation>`{field}`이(가) 패턴 {pattern}에 맞지 않습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`{field}` has {size} items; at least {limit} expected</source>
        <translation>`{field}`의 항목이 {size}개입니다; 적어도 {limit}개여야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`{field}` has {size} characters; at least {limit} expected</source>
        <translation>`{field}`이(가) {size}자입니다; 적어도 {limit}자여야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`{field}` has {size} items; at most {limit} allowed</source>
        <translation>`{field}`의 항목이 {size}개입니다; 최대 {limit}개까지 허용됩니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`{field}` has {size} characters; at most {limit} allowed</source>
        <translation>`{field}`이(가) {size}자입니다; 최대 {limit}자까지 허용됩니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>`{field}` is not a date the generator can read: {value}</source>
        <translation>`{field}`은(는) 생성기가 읽을 수 있는 날짜가 아닙니다: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file name says {name_date} but `date` says {date}; Jekyll uses `date` for the URL and the order</source>
        <translation>파일 이름은 {name_date}, `date`는 {date}입니다; Jekyll은 URL과 글 순서에 `date`를 씁니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the post is dated {date}, in the future: {generator} will not publish it until then unless the site sets {setting}</source>
        <translation>글의 날짜가 미래인 {date}입니다: 사이트에서 {setting}을(를) 설정하지 않으면 {generator}은(는) 그때까지 이 글을 발행하지 않습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the post is dated {date} (from the file name), in the future: {generator} will not publish it until then unless the site sets {setting}</source>
        <translation>글의 날짜가 미래인 {date}입니다(파일 이름 기준): 사이트에서 {setting}을(를) 설정하지 않으면 {generator}은(는) 그때까지 이 글을 발행하지 않습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>image not found in the site: {url}</source>
        <translation>사이트에 없는 이미지입니다: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`{field}` names an image that is not in the site: {url}</source>
        <translation>`{field}`이(가) 사이트에 없는 이미지를 가리킵니다: {url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>link to a page that is not in the site: {url}</source>
        <translation>사이트에 없는 페이지로 가는 링크입니다: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`post_url` names no post in _posts: {target} (Jekyll stops the build)</source>
        <translation>`post_url`이 가리키는 글이 _posts에 없습니다: {target} (Jekyll 빌드가 멈춥니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`link` names no file of the site: {target} (Jekyll stops the build)</source>
        <translation>`link`가 가리키는 파일이 사이트에 없습니다: {target} (Jekyll 빌드가 멈춥니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`ref` names no page of the site: {target} (Hugo stops the build)</source>
        <translation>`ref`가 가리키는 페이지가 사이트에 없습니다: {target} (Hugo 빌드가 멈춥니다)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;{tag}&gt; is never closed; the rest of the page ends up inside it</source>
        <translation>&lt;{tag}&gt;이(가) 닫히지 않았습니다; 페이지의 나머지가 모두 그 안에 들어갑니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`{{% {tag} %}}` has no `{{% end{tag} %}}`; Jekyll stops the build of the whole site</source>
        <translation>`{{% {tag} %}}`에 짝이 되는 `{{% end{tag} %}}`이(가) 없습니다; Jekyll이 사이트 전체의 빌드를 멈춥니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>`{{% {tag} %}}` closes a `{opener}` block that was never opened; Jekyll stops the build</source>
        <translation>`{{% {tag} %}}`이(가) 열린 적 없는 `{opener}` 블록을 닫습니다; Jekyll 빌드가 멈춥니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>jekyll build stops: {detail}</source>
        <translation>jekyll build가 멈춥니다: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jekyll build stops: the included file {name} is not in {folder}</source>
        <translation>jekyll build가 멈춥니다: 포함할 파일 {name}이(가) {folder}에 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>new tag {term}: no other post uses it</source>
        <translation>새 태그 {term}: 다른 글에서는 쓰지 않습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new category {term}: no other post uses it</source>
        <translation>새 카테고리 {term}: 다른 글에서는 쓰지 않습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new {taxonomy} {term}: no other post uses it</source>
        <translation>새 {taxonomy} {term}: 다른 글에서는 쓰지 않습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the post has no text after its front matter</source>
        <translation>머리말 뒤에 본문이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the title is {width} columns long; search results cut it after about {high}</source>
        <translation>제목이 {width}칸입니다; 검색 결과에서는 약 {high}칸 뒤로 잘립니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the title is short ({width} columns; search results show up to {high}): a few more words help readers find it</source>
        <translation>제목이 짧습니다({width}칸, 검색 결과에는 {high}칸까지 보임): 몇 단어를 더 쓰면 독자가 찾기 쉬워집니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>`{field}` is {width} columns; search results cut it after about {high}</source>
        <translation>`{field}`이(가) {width}칸입니다; 검색 결과에서는 약 {high}칸 뒤로 잘립니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`{field}` is {width} columns; search results show {low}-{high}: a sentence more would describe the post better</source>
        <translation>`{field}`이(가) {width}칸입니다; 검색 결과에는 {low}-{high}칸이 보입니다: 한 문장 더 쓰면 글을 더 잘 설명할 수 있습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kramdown renders this abbreviation; the preview does not (it shows the definition as text)</source>
        <translation>kramdown은 이 약어를 렌더링하지만 미리보기는 그러지 않습니다(정의를 텍스트로 보여 줍니다)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kramdown passes this `{{::nomarkdown}}` text through unchanged; the preview does not</source>
        <translation>kramdown은 이 `{{::nomarkdown}}` 텍스트를 바꾸지 않고 그대로 내보내지만 미리보기는 그러지 않습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kramdown applies these `{{::options}}` to the post; the preview ignores them</source>
        <translation>kramdown은 이 `{{::options}}`를 글에 적용하지만 미리보기는 무시합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kramdown defines this attribute list for the post; the preview does not</source>
        <translation>kramdown은 이 속성 목록을 글에 정의하지만 미리보기는 그러지 않습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kramdown renders `$$` math for MathJax; the preview shows it as text, `*` and `_` in it as emphasis</source>
        <translation>kramdown은 `$$` 수식을 MathJax용으로 렌더링하지만 미리보기는 텍스트로 보여 주고 그 안의 `*`와 `_`를 강조로 처리합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kramdown reads this `^` as the end of a block; the preview shows it</source>
        <translation>kramdown은 이 `^`를 블록의 끝으로 읽지만 미리보기는 그대로 보여 줍니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kramdown keeps the `#` at the end of this heading; the preview drops it</source>
        <translation>kramdown은 이 제목 끝의 `#`를 남기지만 미리보기는 없앱니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{renderer} turns `&lt;&lt;` and `&gt;&gt;` into « and »; the preview does not</source>
        <translation>{renderer}은(는) `&lt;&lt;`와 `&gt;&gt;`를 «와 »로 바꾸지만 미리보기는 그러지 않습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the site publishes this &lt;{tag}&gt; element; the preview leaves it out</source>
        <translation>사이트는 이 &lt;{tag}&gt; 요소를 발행하지만 미리보기에서는 빠집니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the site publishes this style attribute; the preview leaves it out</source>
        <translation>사이트는 이 style 속성을 발행하지만 미리보기에서는 빠집니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the {rules} check failed on this post ({error} at {file}:{line}); the other rules ran</source>
        <translation>이 글에서 {rules} 검사가 실패했습니다({file}:{line}에서 {error}); 다른 규칙은 실행되었습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the post could not be read ({error})</source>
        <translation>글을 읽을 수 없습니다({error})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read the file: {reason}</source>
        <translation>파일을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>save it as UTF-8</source>
        <translation>UTF-8로 저장하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add the closing delimiter line after the last front-matter line</source>
        <translation>머리말의 마지막 줄 뒤에 닫는 구분선을 추가하세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>remove the `!!` tag; front matter holds plain values only</source>
        <translation>`!!` 태그를 지우세요; 머리말에는 일반 값만 씁니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>put a space after the colon of `{name}:` on line {key_line}</source>
        <translation>{key_line}번째 줄에 있는 `{name}:`의 콜론 뒤에 공백을 넣으세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keep one of the two entries</source>
        <translation>두 항목 중 하나만 남기세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add a front matter block (--- title: ... ---) at the top</source>
        <translation>맨 위에 머리말 블록(--- title: ... ---)을 추가하세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add `{field}`</source>
        <translation>`{field}`을(를) 추가하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put the value in quotes</source>
        <translation>값을 따옴표로 감싸세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write {word} without quotes</source>
        <translation>{word}을(를) 따옴표 없이 쓰세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove the quotes</source>
        <translation>따옴표를 지우세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write it as 2021-05-10 or 2021-05-10 14:30:00 +09:00</source>
        <translation>2021-05-10 또는 2021-05-10 14:30:00 +09:00 형식으로 쓰세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rename the file to {new_name} or change `date`</source>
        <translation>파일 이름을 {new_name}(으)로 바꾸거나 `date`를 고치세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add &lt;/{tag}&gt;</source>
        <translation>&lt;/{tag}&gt;을(를) 추가하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add `{{% end{tag} %}}`</source>
        <translation>`{{% end{tag} %}}`을(를) 추가하세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove `{{% {tag} %}}`</source>
        <translation>`{{% {tag} %}}`을(를) 지우세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create {folder}/{name}, or correct the name</source>
        <translation>{folder}/{name}을(를) 만들거나 이름을 고치세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write the front matter as YAML between `---` lines</source>
        <translation>머리말을 `---` 줄 사이에 YAML로 쓰세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did you mean {hint}?</source>
        <translation>{hint}을(를) 뜻하셨나요?</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="+24"/>
        <source>Posts ({patterns});;All files (*)</source>
        <translation>글 ({patterns});;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “{name}” before closing?</source>
        <translation>닫기 전에 “{name}”의 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>저장하지 않으면 변경 사항을 잃게 됩니다.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This post has errors</source>
        <translation>이 글에 오류가 있습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Line {line}: {message}</source>
        <translation>{line}번째 줄: {message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save anyway</source>
        <translation>그래도 저장</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>File changed on disk</source>
        <translation>디스크의 파일이 바뀜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” was changed by another program since you opened it.
Overwrite it with your version?</source>
        <translation>“{name}” 파일을 연 뒤에 다른 프로그램이 이 파일을 바꿨습니다.
내 버전으로 덮어쓸까요?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your changes to “{name}” and reload it from disk?</source>
        <translation>“{name}”의 변경 사항을 버리고 디스크에서 다시 불러올까요?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open post</source>
        <translation>글 열기</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save post as</source>
        <translation>다른 이름으로 글 저장</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../editor/ui/disk/diff_view.py" line="+117"/>
        <source>Compare “{name}” with the file on disk</source>
        <translation>“{name}”을(를) 디스크의 파일과 비교</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your text (unsaved)</source>
        <extracomment>Place by place choices (a ThreeWay with conflicts only).</extracomment>
        <translation>내 텍스트(저장 안 됨)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On disk now</source>
        <translation>지금 디스크에 있는 내용</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>your edits</source>
        <translation>내 편집 내용</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the file on disk</source>
        <translation>디스크의 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The changes do not overlap: they can be merged (front matter from {front_matter}, body from {body}).</source>
        <translation>변경 사항이 겹치지 않으므로 합칠 수 있습니다(머리말은 {front_matter}, 본문은 {body}에서 가져옴).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The changes do not overlap: they can be merged line by line, keeping both.</source>
        <translation>변경 사항이 겹치지 않습니다: 줄 단위로 합쳐 양쪽을 모두 남길 수 있습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Both sides changed the same lines in %n place(s), shown below. Every other change of both sides merges; choose whose version of these places to keep.</source>
        <translation>
            <numerusform>양쪽이 같은 줄을 바꾼 곳이 %n군데 있습니다(아래 참고). 양쪽의 다른 변경 사항은 모두 합쳐집니다. 이곳들은 어느 쪽 버전을 남길지 고르세요.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>Yours</source>
        <translation>내 것</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+6"/>
        <source>On disk</source>
        <translation>디스크</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Use the disk version</source>
        <translation>디스크 버전 사용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep mine</source>
        <translation>내 것 유지</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merge both</source>
        <translation>둘 다 합치기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merge, yours where both changed</source>
        <translation>합치기, 둘 다 바꾼 곳은 내 것으로</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge, the disk’s where both changed</source>
        <translation>합치기, 둘 다 바꾼 곳은 디스크 것으로</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merge with these choices</source>
        <translation>이대로 합치기</translation>
    </message>
</context>
<context>
    <name>DiffPane</name>
    <message>
        <source>Last commit</source>
        <translation type="vanished">마지막 커밋</translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="vanished">지금</translation>
    </message>
    <message>
        <location filename="../../editor/ui/git/changes_dialog.py" line="-67"/>
        <source>The last commit (left) and the post now (right)</source>
        <translation>마지막 커밋(왼쪽)과 지금의 글(오른쪽)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name}: last commit (left), now (right), {count} changed line(s)</source>
        <translation>{name}: 마지막 커밋(왼쪽), 지금(오른쪽), 바뀐 줄 {count}개</translation>
    </message>
</context>
<context>
    <name>DiffTable</name>
    <message>
        <location filename="../../editor/ui/disk/diff_view.py" line="-124"/>
        <source>Mine</source>
        <translation>내 것</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On disk</source>
        <translation>디스크</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Differences</source>
        <translation>차이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{left} beside {right}, line by line</source>
        <translation>{left}와(과) {right}를 줄 단위로 나란히 비교</translation>
    </message>
</context>
<context>
    <name>ExternalChanges</name>
    <message>
        <location filename="../../editor/ui/disk/external_changes.py" line="+199"/>
        <source>Reloaded {name}: it changed on disk</source>
        <extracomment>The buffer was reloaded in place from disk (clean buffer, or Reload on the banner). Carries the post path. The banner now asks about a change on disk (dirty buffer). Carries the path. The post is gone from disk; the buffer is kept. Carries the path. The post was renamed on disk and the buffer followed. Carries (old, new). The window&apos;s own save (validation first); the banner&apos;s Save uses it. Autosave to the store and the recovery offer at start.</extracomment>
        <translation>{name}을(를) 다시 불러왔습니다: 디스크에서 바뀌었습니다</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{old} was renamed on disk, but {exc}</source>
        <translation>디스크에서 {old}의 이름이 바뀌었지만 {exc}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{old} was renamed to {new} on disk; following it</source>
        <translation>디스크에서 {old}의 이름이 {new}(으)로 바뀌었습니다. 바뀐 파일을 따라갑니다</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Cannot merge: {exc}</source>
        <translation>합칠 수 없습니다: {exc}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merged the change on disk with your edits (not saved yet)</source>
        <translation>디스크의 변경 사항을 내 편집 내용과 합쳤습니다(아직 저장 안 됨)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save: {exc}</source>
        <translation>저장할 수 없습니다: {exc}</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+9"/>
        <source>Cannot reload: {exc}</source>
        <translation>다시 불러올 수 없습니다: {exc}</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <location filename="../../editor/ui/front_matter/fields/base.py" line="+234"/>
        <source>Quote it</source>
        <extracomment>Sent by valueEdited when the writer cleared a field: unset the key. A description longer than this goes to the tooltip only, not the placeholder. The writer changed the value: a plain value, an AsWritten, or REMOVE. The model&apos;s value as last shown or sent (None: the key is absent). The box was empty (key absent) when the writer started editing it.</extracomment>
        <translation>따옴표로 감싸기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the text as it looks: write it as a quoted string</source>
        <translation>보이는 그대로의 텍스트로 둡니다: 따옴표로 감싼 문자열로 씁니다</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <location filename="../../editor/ui/editor/find_replace.py" line="+29"/>
        <location line="+1"/>
        <source>Find</source>
        <extracomment>A search ran; carries the number of matches in the whole text.</extracomment>
        <translation>찾기</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Replace with</source>
        <translation>바꿀 내용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regex</source>
        <translation>정규식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>대소문자 구분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole word</source>
        <translation>단어 단위로</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replace all</source>
        <translation>모두 바꾸기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>닫기(Esc)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Invalid pattern</source>
        <translation>잘못된 패턴</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n개 일치</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No matches</source>
        <translation>일치 항목 없음</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>Replaced %n</source>
        <translation>
            <numerusform>%n개 바꿈</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormRow</name>
    <message>
        <location filename="../../editor/ui/front_matter/form_rows.py" line="+106"/>
        <source>Item {number}</source>
        <translation>항목 {number}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Required.</source>
        <translation>필수입니다.</translation>
    </message>
</context>
<context>
    <name>FrontMatterForm</name>
    <message>
        <location filename="../../editor/ui/front_matter/front_matter_form.py" line="+61"/>
        <source>Front matter</source>
        <extracomment>Rows were added, removed or reordered (or the form was first built); carries nothing. Tests and the problems marks use it to find `field:&lt;key&gt;` widgets again. &quot;Edit in Raw at line N&quot;: carries the file line (int).</extracomment>
        <translation>머리말</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>The front matter does not parse (line {line}): {message}
The form is read-only until it does.</source>
        <extracomment>The widget before the form&apos;s fields in the Tab order (set by the panel).</extracomment>
        <translation>머리말을 해석할 수 없습니다({line}번째 줄): {message}
해석될 때까지 양식은 읽기 전용입니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit in Raw at line {line}</source>
        <translation>원문의 {line}번째 줄에서 편집</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Not changed: the front matter does not parse; fix it first (see above).</source>
        <translation>바뀌지 않음: 머리말을 해석할 수 없습니다. 먼저 고치세요(위 참고).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not changed: the value is shared; choose how to change it.</source>
        <translation>바뀌지 않음: 공유된 값입니다. 바꿀 방법을 고르세요.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Not changed: {message}</source>
        <translation>바뀌지 않음: {message}</translation>
    </message>
</context>
<context>
    <name>FrontMatterPanel</name>
    <message>
        <location filename="../../editor/ui/front_matter/front_matter_panel.py" line="+23"/>
        <source>Raw</source>
        <extracomment>The writer switched between form and raw; carries True for raw.</extracomment>
        <translation>원문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the front matter as text (Ctrl+Shift+R)</source>
        <translation>머리말을 텍스트로 편집합니다(Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Front matter</source>
        <translation>머리말</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>Git</name>
    <message>
        <location filename="../../editor/ui/git/git_commands.py" line="+38"/>
        <source>no commits</source>
        <translation>커밋 없음</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} conflicted</source>
        <translation>충돌 {count}개</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Git branch</source>
        <extracomment>The last pull&apos;s or push&apos;s RemoteResult (for tests and the message shown).</extracomment>
        <translation>Git 브랜치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The branch, commits to push (↑) and to pull (↓): click for Git</source>
        <translation>브랜치와 푸시할 커밋(↑), 가져올 커밋(↓): 누르면 Git 메뉴가 열립니다</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Git</source>
        <translation>Git(&amp;G)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show &amp;Changes</source>
        <translation>변경 사항 보기(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Commit…</source>
        <translation>커밋(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pull</source>
        <translation>가져오기(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ush</source>
        <translation>푸시(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resolve Conflicts…</source>
        <translation>충돌 해결(&amp;R)…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Commit</source>
        <translation>커밋</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save {name} before committing?</source>
        <translation>커밋하기 전에 {name}을(를) 저장할까요?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Committed {id}</source>
        <translation>{id}(으)로 커밋했습니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pulling…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pushing…</source>
        <translation>푸시하는 중…</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+14"/>
        <location line="+56"/>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Merge committed: push to share it.</source>
        <translation>병합을 커밋했습니다. 공유하려면 푸시하세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not finish the pull:</source>
        <translation>가져오기를 마치지 못했습니다:</translation>
    </message>
</context>
<context>
    <name>GitMessages</name>
    <message>
        <location filename="../../editor/core/git/messages.py" line="+14"/>
        <source>Pulled: the site is up to date with {upstream}.</source>
        <translation>가져왔습니다: 사이트가 {upstream}과(와) 같은 최신 상태입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pulled.</source>
        <translation>가져왔습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pushed your commits.</source>
        <translation>커밋을 푸시했습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The remote refused your credentials.</source>
        <translation>원격 저장소가 인증 정보를 거부했습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in once with git in a terminal (or your credential manager), then try again.</source>
        <translation>터미널에서 git으로(또는 자격 증명 관리자로) 한 번 로그인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone else pushed first: the remote has commits you do not have.</source>
        <translation>다른 사람이 먼저 푸시했습니다: 원격 저장소에 내게 없는 커밋이 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pull, then push again.</source>
        <translation>가져온 다음 다시 푸시하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pull stopped on conflicting changes in {count} file(s).</source>
        <translation>파일 {count}개에서 변경 사항이 충돌해 가져오기가 멈췄습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve each conflicted post, then commit (or continue the rebase).</source>
        <translation>충돌한 글을 하나씩 해결한 뒤 커밋하세요(또는 rebase를 계속하세요).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This branch has no remote branch to pull from or push to.</source>
        <translation>이 브랜치에는 가져오거나 푸시할 원격 브랜치가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push it once with git in a terminal: git push -u origin {branch}</source>
        <translation>터미널에서 git으로 한 번 푸시하세요: git push -u origin {branch}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your uncommitted changes would be overwritten by the pull.</source>
        <translation>가져오면 커밋하지 않은 변경 사항을 덮어쓰게 됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit your changes first, then pull.</source>
        <translation>먼저 변경 사항을 커밋한 다음 가져오세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>git failed: {detail}</source>
        <translation>git이 실패했습니다: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read git&apos;s output below.</source>
        <translation>아래 git 출력을 읽어 보세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This site is not in a git repository.</source>
        <translation>이 사이트는 git 저장소 안에 있지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>git is not installed.</source>
        <translation>git이 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>git did not answer in time.</source>
        <translation>git이 제시간에 응답하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>GitState</name>
    <message>
        <location filename="../../editor/ui/git/state_names.py" line="+10"/>
        <source>new</source>
        <translation>새 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>modified</source>
        <translation>수정됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staged</source>
        <translation>스테이징됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflicted</source>
        <translation>충돌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>untracked</source>
        <translation>추적 안 됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renamed</source>
        <translation>이름 바뀜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>삭제됨</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../editor/ui/help/guide.py" line="+49"/>
        <source>Galley User Guide</source>
        <translation>Galley 사용 설명서</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User guide</source>
        <translation>사용 설명서</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The user guide is not installed.</source>
        <translation>사용 설명서가 설치되어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>ImageField</name>
    <message>
        <location filename="../../editor/ui/front_matter/fields/image.py" line="+85"/>
        <source>/assets/images/…</source>
        <extracomment>The files a string value is taken as an image path for (the field gets a picker). The thumbnail&apos;s bounds, in pixels. Keys themes use for a post&apos;s image: an image field even while empty. The folder an image was last picked from (any field, this run). The open post&apos;s path (None: untitled), given by the form.</extracomment>
        <translation>/assets/images/…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an image in the site</source>
        <translation>사이트에서 이미지를 고릅니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+88"/>
        <source>Choose image</source>
        <translation>이미지 고르기</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>image not found</source>
        <translation>이미지를 찾을 수 없음</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Images ({patterns})</source>
        <translation>이미지 ({patterns})</translation>
    </message>
</context>
<context>
    <name>ItemGroup</name>
    <message>
        <location filename="../../editor/ui/front_matter/form_rows.py" line="+167"/>
        <source>Remove item</source>
        <translation>항목 삭제</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Item {number} (new)</source>
        <translation>항목 {number}(새 항목)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item {number}</source>
        <translation>항목 {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove item {number}</source>
        <translation>항목 {number} 삭제</translation>
    </message>
</context>
<context>
    <name>ListRow</name>
    <message>
        <location line="+20"/>
        <source>Add item</source>
        <translation>항목 추가</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/ui/app.py" line="+172"/>
        <source>Posts</source>
        <extracomment>The names of the phases run so far, in order.</extracomment>
        <translation>글</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Outline</source>
        <translation>개요</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location line="+243"/>
        <source>Preview not updated: {0}: {1}</source>
        <translation>미리보기가 갱신되지 않음: {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="+149"/>
        <source>Cannot open post</source>
        <extracomment>The QWebEngineView was created and put in its pane (after the first paint). Carries the PreviewView. The writer asked for the site&apos;s posts list. Carries nothing. The writer asked for site-wide search (`&quot;search&quot;`) or the tags manager (`&quot;tags&quot;`). The theme setting changed; carries &quot;auto&quot;, &quot;light&quot; or &quot;dark&quot;. Fires once, on the event-loop turn after the window was first shown (its first paint is queued by then): time to create the slow parts. `galley SITE_DIR`: the writer asked for a site folder. Carries the folder (str). The window accepted a close (changes saved or discarded): workers stop. (Document, path) of a new post not saved yet: Save writes that file. The editor&apos;s pane: the find bar goes under the editor, the &quot;Changed on disk&quot; banner above it. The panes, then the find bar&apos;s own row (full width: under one pane its fields were squeezed into what that pane could spare).</extracomment>
        <translation>글을 열 수 없습니다</translation>
    </message>
    <message>
        <location line="+66"/>
        <location line="+3"/>
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {name}</source>
        <translation>{name} 저장함</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot revert</source>
        <translation>되돌릴 수 없습니다</translation>
    </message>
    <message>
        <location line="+237"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}[*] — {folder} — Galley</source>
        <translation>{name}[*] — {folder} — Galley</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}[*] — Galley</source>
        <translation>{name}[*] — Galley</translation>
    </message>
    <message>
        <location filename="../../editor/ui/serve/wiring.py" line="+28"/>
        <source>Server Log</source>
        <translation>서버 로그</translation>
    </message>
</context>
<context>
    <name>NewPostDialog</name>
    <message>
        <location filename="../../editor/ui/site/new_post_dialog.py" line="+54"/>
        <source>New Post</source>
        <translation>새 글</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Welcome! What will you write about today?</source>
        <translation>환영합니다! 오늘은 무엇에 대해 쓸까요?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The post&apos;s title</source>
        <translation>글 제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Date:</source>
        <translation>날짜(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dra&amp;ft (not published yet)</source>
        <translation>초안(&amp;F)(아직 발행 안 함)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>comma-separated</source>
        <translation>쉼표로 구분</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Categories:</source>
        <translation>카테고리(&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ags:</source>
        <translation>태그(&amp;A):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Romanize Korean in the file name</source>
        <translation>파일 이름의 한글을 로마자로 표기(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(chosen when you save)</source>
        <translation>(저장할 때 정함)</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../editor/ui/front_matter/fields/number.py" line="+22"/>
        <source>not a number: not saved</source>
        <translation>숫자가 아님: 저장되지 않음</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>number</source>
        <translation>숫자</translation>
    </message>
</context>
<context>
    <name>OutlinePane</name>
    <message>
        <location filename="../../editor/ui/editor/outline_pane.py" line="+26"/>
        <source>Outline</source>
        <extracomment>How long typing must pause before the outline is read again.</extracomment>
        <translation>개요</translation>
    </message>
</context>
<context>
    <name>PasteHandler</name>
    <message>
        <location filename="../../editor/ui/editor/paste.py" line="+109"/>
        <source>Save the post first: its images are stored beside it.</source>
        <extracomment>Posts the Jekyll link style is read from (besides the open one). Something for the status bar (a file written, or why nothing was).</extracomment>
        <translation>먼저 글을 저장하세요: 이미지는 글 옆에 저장됩니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Image not added: {0}</source>
        <translation>이미지를 추가하지 못함: {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Saved %n image(s): {0}</source>
        <translation>
            <numerusform>이미지 %n개 저장함: {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostCommands</name>
    <message>
        <location filename="../../editor/ui/site/post_commands.py" line="+66"/>
        <source>New post: saving writes {path}</source>
        <translation>새 글: 저장하면 {path}에 씁니다</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Save the post first</source>
        <translation>먼저 글을 저장하세요</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cannot publish</source>
        <translation>발행할 수 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Published {name}</source>
        <translation>{name} 발행함</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot unpublish</source>
        <translation>초안으로 만들 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a draft again</source>
        <translation>{name}이(가) 다시 초안이 되었습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot rename</source>
        <translation>이름을 바꿀 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renamed to {name}</source>
        <translation>{name}(으)로 이름을 바꿨습니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Move to Trash</source>
        <translation>휴지통으로 이동</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move {name} to the Trash?</source>
        <translation>{name}을(를) 휴지통으로 옮길까요?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot move to Trash</source>
        <translation>휴지통으로 옮길 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: there is no trash here; nothing was deleted.</source>
        <translation>{path}: 여기에는 휴지통이 없습니다. 아무것도 지우지 않았습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Moved {name} to the Trash</source>
        <translation>{name}을(를) 휴지통으로 옮겼습니다</translation>
    </message>
</context>
<context>
    <name>PostsList</name>
    <message>
        <location filename="../../editor/ui/site/posts_list.py" line="+45"/>
        <source>Posts</source>
        <extracomment>Columns shown besides the title when there is room, most wanted first. Narrowest the title column gets before a column is hidden for it (in &quot;M&quot; widths). The writer chose a post. Carries its path (str).</extracomment>
        <translation>글</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter: title, text, tags, categories</source>
        <translation>거르기: 제목, 본문, 태그, 카테고리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter posts</source>
        <translation>글 거르기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts to show</source>
        <translation>보여 줄 글</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drafts</source>
        <translation>초안</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>발행됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scheduled</source>
        <translation>예약됨</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Indexing %v / %m</source>
        <translation>색인 중 %v / %m</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Posts of the site</source>
        <translation>사이트의 글</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter opens the post</source>
        <translation>Enter를 누르면 글을 엽니다</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>scheduled</source>
        <translation>예약됨</translation>
    </message>
</context>
<context>
    <name>PostsModel</name>
    <message>
        <location filename="../../editor/ui/site/posts_model.py" line="+108"/>
        <source>Title</source>
        <extracomment>The row (a PostRow) of an index, for views. How many differing rows a full list may bring before the model is reset instead of changed row by row.</extracomment>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Categories</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>draft</source>
        <extracomment>The site&apos;s git state per path (changed posts only) and each state&apos;s word; None when the site is not in a repository.</extracomment>
        <translation>초안</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>published</source>
        <translation>발행됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scheduled</source>
        <translation>예약됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft: not published</source>
        <translation>초안: 발행 안 됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Published</source>
        <translation>발행됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled: published on its date</source>
        <translation>예약됨: 글의 날짜에 발행됨</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../editor/ui/preferences/dialog.py" line="+26"/>
        <source>Preferences</source>
        <extracomment>Languages offered: the setting&apos;s value and the language&apos;s own name (never translated).</extracomment>
        <translation>환경 설정</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Editor font</source>
        <translation>편집기 글꼴</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editor font size</source>
        <translation>편집기 글꼴 크기</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+3"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Preview theme</source>
        <translation>미리보기 테마</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same as the window</source>
        <translation>창과 같게</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Style the fast preview with the site&apos;s own stylesheet</source>
        <translation>빠른 미리보기에 사이트의 스타일시트 적용</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load remote images and media in the preview of a site opened for the first time</source>
        <translation>처음 여는 사이트의 미리보기에서 원격 이미지와 미디어 불러오기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery copy after</source>
        <translation>복구용 사본 저장 시점</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies at the next start.</source>
        <translation>다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Editor &amp;font:</source>
        <translation>편집기 글꼴(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme:</source>
        <translation>테마(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preview theme:</source>
        <translation>미리보기 테마(&amp;P):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recovery copy after:</source>
        <translation>복구용 사본 저장 시점(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../editor/ui/preview/preview_controller.py" line="+61"/>
        <source>Remote images and media are not loaded (View ▸ Load Remote Content).</source>
        <extracomment>path -&gt; the SiteInfo the render worker found for it (see `_site_at`).</extracomment>
        <translation>원격 이미지와 미디어는 불러오지 않았습니다(보기 ▸ 원격 콘텐츠 불러오기).</translation>
    </message>
</context>
<context>
    <name>PreviewEngine</name>
    <message>
        <location filename="../../editor/core/render/commonmark_engine.py" line="+166"/>
        <source>The site converts with CommonMark (jekyll-commonmark); the preview renders it with markdown-it, whose code highlighting and footnotes differ.</source>
        <extracomment>&quot;github&quot; (Unicode letters kept) or &quot;github-ascii&quot;. Code fences with a known language highlighted (Pygments, CSS classes as the preview&apos;s stylesheet has them). Hugo&apos;s code block markup: `&lt;pre tabindex=&quot;0&quot;&gt;`, `data-lang` on `&lt;code&gt;`. Hugo&apos;s `markup.highlight`: Chroma&apos;s style, and inline styles (`noClasses`, Hugo&apos;s default) or class names.</extracomment>
        <translation>사이트는 CommonMark(jekyll-commonmark)로 변환하고 미리보기는 markdown-it으로 렌더링하므로 코드 강조와 각주가 다릅니다.</translation>
    </message>
    <message>
        <location filename="../../editor/core/render/kramdown_engine.py" line="+460"/>
        <source>Ruby is not installed, so the preview cannot run kramdown as Jekyll does.</source>
        <extracomment>Seconds a render may take: TIMEOUT, plus PER_100KB for each 100 KB of text. Measured here: the slowest block of 270 real posts took 0.2 s, a whole 110 KB post 0.04 s; 100 KB of nested brackets or backticks take kramdown minutes. A block being typed is small: its limit stays near TIMEOUT. Seconds the helper may take to start (Ruby + kramdown + rouge: ~0.2 s here). Blocks from this size on are held to the render&apos;s deadline (`deadline`). Why a block is approximate when the render&apos;s time ran out. How many times the helper was started (for tests). kramdown&apos;s document-wide definitions: `*[abbr]: title`, `{::options ... /}`, `{:name: attributes}` (an attribute list definition), an IAL on a link definition (its attributes go to every link using it; blocks share only a definition&apos;s URL and title), and a link, footnote or abbreviation definition inside a quote, a list item or a definition (kramdown defines it for the whole document; blocks share only top-level ones). Searched in &quot;
&quot; + body: a literal first character the regex engine scans for quickly, where a multi-line `^` is tried at every character. kramdown&apos;s end-of-block marker: a line `^` ends the block before it (a list&apos;s last item followed by a blank line and `^` is a paragraph). A line that may make `_joined` join blocks (&quot;
&quot; first: a literal prefix the regex engine scans for fast, unlike a multi-line `^`). A block that is only attribute lists: kramdown gives them to the next block. kramdown&apos;s definition line (DEFINITION_LIST_START). kramdown&apos;s LINK_DEFINITION_START (parser/kramdown/link.rb). kramdown keeps the last definition of a label (it warns and overwrites). The render&apos;s end (`time.monotonic()`), set by the renderer (engine.render_budget); None: only each request&apos;s own limit. (ruby, options) → its helper, shared by every engine of those options (a renderer per thread, per CLI call, per test): requests are serialised by the process&apos;s lock, and each started helper costs ~0.3 s. Stopped at exit (weakref.finalize). ruby path → why kramdown could not serve there (remembered: one failed start per session). `GALLEY_KRAMDOWN=0` keeps Jekyll sites on Python-Markdown (to compare the two, or where Ruby misbehaves); the test suite sets it so a test means the same on machines with and without Ruby, and opts in where it tests kramdown.</extracomment>
        <translation>Ruby가 설치되어 있지 않아 미리보기에서 Jekyll처럼 kramdown을 실행할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>kramdown could not run ({error}), so the preview approximates it.</source>
        <translation>kramdown을 실행하지 못해({error}) 미리보기는 근사치로 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../editor/core/render/markdown_pipeline.py" line="+150"/>
        <source>The preview uses Python-Markdown, which differs from the site&apos;s Markdown in places.</source>
        <extracomment>An abbreviation definition (Python-Markdown&apos;s abbr, kramdown&apos;s syntax). Python-Markdown&apos;s and pymdown-extensions&apos; extensions we use, in order. Python-Markdown is its own dialect: for a known generator the preview approximates the generator&apos;s.</extracomment>
        <translation>미리보기는 Python-Markdown을 쓰므로 사이트의 Markdown과 일부 다릅니다.</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <location filename="../../editor/ui/preview/preview_view.py" line="+69"/>
        <source>Preview</source>
        <extracomment>A link in the preview was clicked; carries the QUrl (already opened in the system browser). Quiet time after the last patch before the page&apos;s garbage is collected. After the writer scrolls the page themselves, edits do not bring the caret&apos;s block into view for this long (the writer is looking elsewhere). The shell finished loading and the first patch can be applied. Carries True on success. A patch was applied in the page; carries the revision it showed. The page&apos;s garbage was collected after a pause; carries False when the engine does not expose `gc` (the user&apos;s own --js-flags). The preview was scrolled by the writer; carries the file line now at the top (0 when unknown).</extracomment>
        <translation>미리보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The post as the site will show it</source>
        <translation>사이트에 보일 모습의 글</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../editor/ui/problems/problems_panel.py" line="+38"/>
        <source>Problems</source>
        <extracomment>The writer activated a row (click, double-click or Enter). Carries the diagnostic object; the window moves the caret or focuses the field.</extracomment>
        <translation>문제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the checks found in this post; Enter goes to it</source>
        <translation>이 글을 검사해 찾은 것들. Enter를 누르면 그곳으로 갑니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{key}: {message}</source>
        <translation>{key}: {message}</translation>
    </message>
</context>
<context>
    <name>RawFrontMatterEditor</name>
    <message>
        <location filename="../../editor/ui/front_matter/raw_front_matter.py" line="+52"/>
        <source>Front matter as text</source>
        <translation>텍스트로 쓴 머리말</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The post&apos;s front matter as written: YAML, TOML or JSON</source>
        <translation>쓰인 그대로의 글 머리말: YAML, TOML 또는 JSON</translation>
    </message>
</context>
<context>
    <name>Readings</name>
    <message>
        <location filename="../../editor/core/post/readings.py" line="+31"/>
        <source>Read as {what} ({why}). {then}</source>
        <extracomment>The rules each front-matter format is read by. The translation context of every reading template.</extracomment>
        <translation>{what}(으)로 읽힙니다({why}). {then}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read as {what} ({why}).</source>
        <translation>{what}(으)로 읽힙니다({why}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote it to keep the text.</source>
        <translation>글자 그대로 두려면 따옴표로 감싸세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write {shape} to make it one.</source>
        <translation>날짜로 만들려면 {shape}(으)로 쓰세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no value</source>
        <translation>값 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the number {value!r}</source>
        <translation>숫자 {value!r}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text, not a date</source>
        <translation>날짜가 아닌 텍스트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text, not a date-time</source>
        <translation>날짜·시간이 아닌 텍스트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rules} boolean</source>
        <translation>{rules} 불리언</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rules} null</source>
        <translation>{rules} null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rules} base 60</source>
        <translation>{rules} 60진법</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rules} hexadecimal</source>
        <translation>{rules} 16진수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rules} binary</source>
        <translation>{rules} 2진수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rules} octal</source>
        <translation>{rules} 8진수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rules}, underscores dropped</source>
        <translation>{rules}, 밑줄 무시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rules} exponent</source>
        <translation>{rules} 지수 표기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rules}, trailing zero dropped</source>
        <translation>{rules}, 끝의 0 무시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rules}, + dropped</source>
        <translation>{rules}, + 무시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no such date</source>
        <translation>없는 날짜</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{why}, {reader}</source>
        <translation>{why}, {reader}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as Jekyll reads posts</source>
        <translation>Jekyll이 글을 읽는 방식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as Galley reads every post</source>
        <translation>Galley가 모든 글을 읽는 방식</translation>
    </message>
</context>
<context>
    <name>RecoveryAutosave</name>
    <message>
        <location filename="../../editor/ui/disk/recovery_dialog.py" line="+218"/>
        <source>Could not keep a recovery copy: {reason}</source>
        <extracomment>A recovery copy was written. Carries the post path (for an untitled buffer, its stand-in path inside the store). A recovered buffer was put back into the editor. Carries the post path.</extracomment>
        <translation>복구용 사본을 남기지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Could not keep the recovered text of {name}: {reason}</source>
        <translation>{name}의 복구된 텍스트를 보관하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+6"/>
        <source>Cannot restore {name}: {reason}</source>
        <translation>{name}을(를) 복원할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restored unsaved text of {name}</source>
        <translation>{name}의 저장하지 않은 텍스트를 복원했습니다</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Restored an unsaved new post (Save As to give it a file)</source>
        <translation>저장하지 않은 새 글을 복원했습니다(다른 이름으로 저장해 파일을 정하세요)</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location line="-232"/>
        <source>Recover unsaved text</source>
        <extracomment>Idle time after the last edit before the recovery copy is written. A SIGKILL loses at most this much typing (plus the write itself, ~12 ms for a 205 KB post, bench/bench_external_change.py). *Restore* clicked; carries the RecoveryEntry. The dialog closes. *Discard* clicked; carries the RecoveryEntry. The row goes away.</extracomment>
        <translation>저장하지 않은 텍스트 복구</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Galley did not close normally. This unsaved text was kept:</source>
        <translation>Galley가 정상적으로 종료되지 않았습니다. 저장하지 않은 다음 텍스트를 보관해 두었습니다:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved texts kept</source>
        <translation>보관된 저장하지 않은 텍스트</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recovered text</source>
        <translation>복구된 텍스트</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On disk now</source>
        <translation>지금 디스크에 있는 내용</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the recovered text and ask again next time</source>
        <translation>복구된 텍스트를 보관하고 다음에 다시 묻습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Untitled (never saved)</source>
        <translation>제목 없음(저장한 적 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} — {folder}</source>
        <translation>{name} — {folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}  ({when})</source>
        <translation>{where}  ({when})</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A new post that was never saved: restoring opens it as an unsaved post.</source>
        <translation>한 번도 저장하지 않은 새 글입니다: 복원하면 저장하지 않은 글로 열립니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is no longer on disk: restoring brings it back when you save.</source>
        <translation>파일이 더 이상 디스크에 없습니다: 복원한 뒤 저장하면 파일이 다시 생깁니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file on disk changed after this text was kept: compare before restoring.</source>
        <translation>이 텍스트를 보관한 뒤 디스크의 파일이 바뀌었습니다: 복원하기 전에 비교해 보세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The differences below are your unsaved edits.</source>
        <translation>아래의 차이는 저장하지 않은 편집 내용입니다.</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <location filename="../../editor/core/site/schema.py" line="+236"/>
        <source>The post&apos;s title</source>
        <extracomment>Where a schema came from (`Schema.source`). Sub-fields of an `object` field, in order. True when the type was guessed from the site&apos;s posts: findings are warnings. Most of the site&apos;s posts have this key (a guess): missing it is a warning. The posts disagree on this key&apos;s type: the form offers `type`, nothing is checked. How many of the site&apos;s posts have this key (0 when unknown): the form&apos;s &quot;Add field…&quot; completion shows it. Declared worth having (galley.toml `recommended = true`): the form offers it on a post that lacks it, and nothing is checked. Does the generator publish posts dated in the future (Jekyll `future`, Hugo `buildFuture`)? None: it does not skip them at all (Zola, unknown). Jekyll collection names (besides posts), Hugo taxonomies: list-valued keys. Keys most posts of a section have ({&quot;_posts&quot;: (&quot;layout&quot;, ...)}, see `section_of`): a guess, so a post of that section without one gets a warning. With no configuration at all, a post needs a title (the issue&apos;s baseline).</extracomment>
        <translation>글 제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication date</source>
        <translation>발행 날짜</translation>
    </message>
    <message>
        <location filename="../../editor/core/site/schema_sources.py" line="+46"/>
        <source>Title (Jekyll falls back to the file name)</source>
        <extracomment>Posts needed before the site&apos;s habits count as a schema. A key in at least this share of posts is expected in every post. A type seen in at least this share of a key&apos;s values is that key&apos;s type.</extracomment>
        <translation>제목(없으면 Jekyll은 파일 이름을 씁니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overrides the date in the file name</source>
        <translation>파일 이름의 날짜 대신 쓰입니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Categories (a list, or words separated by spaces)</source>
        <translation>카테고리(목록 또는 공백으로 구분한 단어)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags (a list, or words separated by spaces)</source>
        <translation>태그(목록 또는 공백으로 구분한 단어)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>false keeps the post out of the site</source>
        <translation>false이면 글이 사이트에 실리지 않습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>true keeps the page out of the site</source>
        <translation>true이면 페이지가 사이트에 실리지 않습니다</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <location filename="../../editor/ui/site/search_pane.py" line="+84"/>
        <source>Search the site for</source>
        <extracomment>Matches kept at most: a pattern like &quot;e&quot; on a big site would otherwise fill memory with rows nobody reads. A batch goes to the list every this many files or matches, whichever comes first: adding a few hundred rows keeps each UI turn short. The writer activated a match: (path, line, column). A search finished: (number of matches, seconds). Files were written by a replace. Carries the list of paths (str).</extracomment>
        <translation>사이트에서 찾을 내용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the site</source>
        <translation>사이트 검색</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;gex</source>
        <translation>정규식(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match &amp;case</source>
        <translation>대소문자 구분(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Body</source>
        <translation>본문(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Front matter</source>
        <translation>머리말(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>검색(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Replace with</source>
        <translation>바꿀 내용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace Selected</source>
        <translation>선택 항목 바꾸기(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No site is open.</source>
        <translation>열린 사이트가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Searching %n post(s)…</source>
        <translation>
            <numerusform>글 %n개 검색 중…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n개 일치</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>파일 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{seconds:.2f} s</source>
        <translation>{seconds:.2f}초</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only the first {n} are listed</source>
        <translation>처음 {n}개만 표시합니다</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>has unsaved changes in the window: save or revert it first</source>
        <translation>창에 저장하지 않은 변경 사항이 있습니다: 먼저 저장하거나 되돌리세요</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Replaced in %n file(s).</source>
        <translation>
            <numerusform>파일 %n개에서 바꿨습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../editor/ui/problems/severity.py" line="+42"/>
        <source>{errors} · {warnings}</source>
        <extracomment>Mark colours beside a form field (readable on the light and dark palettes).</extracomment>
        <translation>{errors} · {warnings}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n error(s)</source>
        <translation>오류 %n개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation>경고 %n개</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>info</source>
        <translation>정보</translation>
    </message>
</context>
<context>
    <name>SharedValue</name>
    <message>
        <location filename="../../editor/ui/front_matter/shared_value_prompt.py" line="+22"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{key}”</source>
        <translation>“{key}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another key</source>
        <translation>다른 키</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shared with {others} (anchor &amp;{anchor})</source>
        <translation>{others}와(과) 공유됨(앵커 &amp;{anchor})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shared value</source>
        <translation>공유된 값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{key}” shares its value with {others} (&amp;{anchor}).</source>
        <translation>“{key}”은(는) {others}와(과) 값을 공유합니다(&amp;{anchor}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the value for all of them, or give this key its own value?</source>
        <translation>모두의 값을 바꿀까요, 아니면 이 키에만 따로 값을 줄까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the shared value</source>
        <translation>공유된 값 바꾸기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give “{key}” its own value</source>
        <translation>“{key}”에 따로 값 주기</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../editor/ui/help/shortcuts.py" line="+43"/>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
</context>
<context>
    <name>SiteMode</name>
    <message>
        <location filename="../../editor/ui/serve/site_mode.py" line="+107"/>
        <source>Starting the {generator} server…</source>
        <extracomment>Site mode turned on (True) or off for the open site. The build errors about the open post, lines counted in the whole file. The Site page of the open post is on screen; carries its URL.</extracomment>
        <translation>{generator} 서버를 시작하는 중…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rebuilding…</source>
        <translation>다시 빌드하는 중…</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>The server did not give the page {url}</source>
        <translation>서버가 {url} 페이지를 주지 않았습니다</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The site&apos;s build failed: {message}</source>
        <translation>사이트 빌드가 실패했습니다: {message}</translation>
    </message>
</context>
<context>
    <name>SitePreview</name>
    <message>
        <location filename="../../editor/core/serve/texts.py" line="+15"/>
        <source>{generator} is not installed, so the site&apos;s own page cannot be shown. Install it ({command}) or set its path in the preferences.</source>
        <translation>{generator}이(가) 설치되어 있지 않아 사이트의 실제 페이지를 보여 줄 수 없습니다. 설치하거나({command}) 환경 설정에서 경로를 지정하세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This site has a Gemfile but Bundler is not installed. Install it: {command}</source>
        <translation>이 사이트에는 Gemfile이 있지만 Bundler가 설치되어 있지 않습니다. 설치하세요: {command}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The site needs gems that are not installed. In the site&apos;s folder, run: {command}</source>
        <translation>사이트에 필요한 gem이 설치되어 있지 않습니다. 사이트 폴더에서 실행하세요: {command}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This post is not in a Jekyll or Hugo site: Site mode needs one.</source>
        <translation>이 글은 Jekyll이나 Hugo 사이트 안에 있지 않습니다: 사이트 모드에는 사이트가 필요합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The {generator} server stopped (exit code {code}); see the server log.</source>
        <translation>{generator} 서버가 멈췄습니다(종료 코드 {code}). 서버 로그를 보세요.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>{cjk} CJK characters, {words} other words, {characters} characters without spaces</source>
        <translation type="vanished">CJK 글자 {cjk}자, 그 밖의 단어 {words}개, 공백 제외 {characters}자</translation>
    </message>
    <message>
        <location filename="../../editor/ui/editor/status_bar.py" line="+61"/>
        <source>{cjk} Chinese and Japanese characters, {words} words, {characters} characters without spaces</source>
        <translation>한자·일본어 글자 {cjk}자, 단어 {words}개, 공백 제외 {characters}자</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln자</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln단어</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n min read</source>
        <translation>
            <numerusform>%n분 분량</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} · {minutes}</source>
        <translation>{count} · {minutes}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ln {line}, Col {column}</source>
        <translation>{line}줄, {column}열</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Preview approximate: {reason}</source>
        <extracomment>Engines and generators as writers know them.</extracomment>
        <translation>미리보기는 근사치: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview approximate ({engine})</source>
        <translation>미리보기는 근사치({engine})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview: {engine} (as {generator})</source>
        <translation>미리보기: {engine}({generator} 방식)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview: {engine}</source>
        <translation>미리보기: {engine}</translation>
    </message>
</context>
<context>
    <name>SwitchBar</name>
    <message>
        <location filename="../../editor/ui/serve/site_mode.py" line="-185"/>
        <source>Fast</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site</source>
        <translation>사이트</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The built-in preview, updated as you type</source>
        <translation>내장 미리보기, 입력하는 대로 갱신됩니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The page as the site&apos;s own generator builds it, updated when you save</source>
        <translation>사이트 생성기가 빌드한 그대로의 페이지, 저장할 때 갱신됩니다</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <location filename="../../editor/ui/site/tags_dialog.py" line="+34"/>
        <source>Tags and Categories</source>
        <extracomment>Files were written (renamed or restored). Carries the list of paths (str). The preview is listed (planned on a worker thread). Carries the seconds it took.</extracomment>
        <translation>태그와 카테고리</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Terms of the site</source>
        <translation>사이트의 용어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term</source>
        <translation>용어</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Posts</source>
        <translation>글</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taxonomy</source>
        <translation>분류</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename to</source>
        <translation>새 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name (an existing one merges)</source>
        <translation>새 이름(기존 이름이면 합쳐집니다)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preview</source>
        <translation>미리보기(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Apply</source>
        <translation>적용(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo Last Rename</source>
        <translation>마지막 이름 바꾸기 취소(&amp;U)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Changes the rename makes</source>
        <translation>이름 바꾸기로 생기는 변경 사항</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before → after</source>
        <translation>이전 → 이후</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename to:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No site is open.</source>
        <translation>열린 사이트가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>Reading %n post(s)…</source>
        <translation>
            <numerusform>글 %n개 읽는 중…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n file(s) will change</source>
        <translation>
            <numerusform>파일 %n개가 바뀝니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n줄</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Changed %n file(s).</source>
        <translation>
            <numerusform>파일 %n개를 바꿨습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Restored %n file(s).</source>
        <translation>
            <numerusform>파일 %n개를 복원했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>has unsaved changes in the window: save or revert it first</source>
        <translation>창에 저장하지 않은 변경 사항이 있습니다: 먼저 저장하거나 되돌리세요</translation>
    </message>
</context>
<context>
    <name>TagsField</name>
    <message>
        <location filename="../../editor/ui/front_matter/fields/lists.py" line="+18"/>
        <source>comma, separated</source>
        <translation>쉼표, 구분</translation>
    </message>
</context>
<context>
    <name>TextField</name>
    <message>
        <location filename="../../editor/ui/front_matter/fields/text.py" line="+116"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
</context>
<context>
    <name>ValidateSummary</name>
    <message>
        <location filename="../../editor/cli/validate.py" line="+149"/>
        <source>{count} error</source>
        <translation>오류 {count}개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} errors</source>
        <translation>오류 {count}개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} warning</source>
        <translation>경고 {count}개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} warnings</source>
        <translation>경고 {count}개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} info</source>
        <translation>정보 {count}개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} infos</source>
        <translation>정보 {count}개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} file</source>
        <translation>파일 {count}개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} files</source>
        <translation>파일 {count}개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{errors}, {warnings}, {infos} in {files} ({with_problems} with findings)</source>
        <translation>{files}에서 {errors}, {warnings}, {infos} (문제가 있는 파일 {with_problems}개)</translation>
    </message>
</context>
<context>
    <name>_Place</name>
    <message>
        <location filename="../../editor/ui/git/conflict_view.py" line="-133"/>
        <source>front matter</source>
        <translation>머리말</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>body</source>
        <translation>본문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict {number} ({part})</source>
        <translation>충돌 {number}({part})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Before either change:
{text}</source>
        <translation>양쪽이 바꾸기 전:
{text}</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Use {side}</source>
        <translation>{side} 사용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both</source>
        <translation>둘 다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit by hand</source>
        <translation>직접 편집</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your text for this place</source>
        <translation>이곳에 쓸 내 텍스트</translation>
    </message>
</context>
</TS>
