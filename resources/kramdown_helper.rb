# frozen_string_literal: true
#
# Galley's kramdown helper: renders Markdown with kramdown itself, with the
# options Jekyll's converter gives it (Jekyll's defaults, then the site's
# `kramdown:` settings, then what Jekyll's KramdownParser#setup forces), so the
# preview of a Jekyll site shows the HTML the site build writes.
#
# One long-lived process, JSON lines on stdin/stdout:
#   {"id": 1, "op": "configure", "config": {"kramdown": {...}, "highlighter": "rouge"}}
#   {"id": 2, "op": "render", "text": "...", "link_defs": {"label": ["url", "title"]}}
#   {"id": 3, "op": "render_many", "texts": ["...", "..."], "link_defs": [{...}, null]}
#   (each text parsed alone; "link_defs", when given, holds each text's own)
# Each answer is one line: {"id": n, "result": ...} or {"id": n, "error": "..."}.
#
# The editor renders a post block by block, so what is a property of the
# whole document is left as placeholders the editor fills once every block
# is known (the same conventions as its Python-Markdown pipeline):
# - heading ids: "\uE000H<n>\uE001", with the slug in `slugs` (made unique
#   over the document by the editor, as kramdown's "-1", "-2");
# - footnote references: <sup class="galley-fnref">\uE000F<n>\uE001</sup>,
#   the label in `refs`; definitions come back as Markdown in `defs`;
# - a `{:toc}` list: "\uE000TOC\uE001", with the headings a TOC lists.

require "json"

$stdout.sync = true
$stdin.set_encoding(Encoding::UTF_8)
$stdout.set_encoding(Encoding::UTF_8)

begin
  require "kramdown"
rescue LoadError => e
  $stdout.puts(JSON.generate({ "ready" => false, "error" => "kramdown is not installed (#{e.message})" }))
  exit 3
end

module GalleyKramdown
  # Jekyll 4.3's `kramdown:` defaults (Jekyll::Configuration::DEFAULTS).
  JEKYLL_DEFAULTS = {
    "auto_ids" => true, "toc_levels" => (1..6).to_a, "entity_output" => "as_char",
    "smart_quotes" => "lsquo,rsquo,ldquo,rdquo", "input" => "GFM", "hard_wrap" => false,
    "guess_lang" => true, "footnote_nr" => 1, "show_warnings" => false,
  }.freeze

  HEADING = "\uE000H%d\uE001"
  FNREF = "<sup class=\"galley-fnref\">\uE000F%d\uE001</sup>"
  TOC = "\uE000TOC\uE001"
  ORDERED_TOC = "<nav class=\"galley-toc galley-toc-ordered\">\uE000TOC\uE001</nav>"
  GFM_NON_WORD = /[^\p{Word}\- \t]/.freeze

  module_function

  # What Jekyll::Converters::Markdown::KramdownParser#setup does to the site's settings.
  def jekyll_options(config)
    kd = JEKYLL_DEFAULTS.merge(config["kramdown"].is_a?(Hash) ? config["kramdown"] : {})
    kd["syntax_highlighter"] ||= (kd["enable_coderay"] ? "coderay" : (config["highlighter"] || "rouge"))
    opts = (kd["syntax_highlighter_opts"].is_a?(Hash) ? kd["syntax_highlighter_opts"] : {}).dup
    opts["default_lang"] ||= "plaintext"
    opts["guess_lang"] = kd["guess_lang"]
    kd["syntax_highlighter_opts"] = opts
    kd["coderay"] ||= {}
    require "kramdown-parser-gfm" if kd["input"].to_s == "GFM"
    Kramdown::Options.merge(kd)
  end

  def parser_class(options)
    name = (options[:input] || "kramdown").to_s
    name = name[0..0].upcase + name[1..]
    begin
      require "kramdown/parser/#{Kramdown::Utils.snake_case(name)}"
    rescue LoadError
      nil
    end
    raise "kramdown has no parser for the input format #{options[:input]}" unless Kramdown::Parser.const_defined?(name)

    Kramdown::Parser.const_get(name)
  end

  class Renderer
    def initialize(config)
      @options = GalleyKramdown.jekyll_options(config)
      @parser = GalleyKramdown.parser_class(@options)
      @gfm = @parser.name.end_with?("GFM")
      # Heading ids are chosen here (placeholders), never by kramdown itself.
      @parse_options = @options.merge(auto_ids: false).freeze
    end

    def render(text, link_defs = nil)
      refs_wanted = text.scan(Kramdown::Parser::Kramdown::FOOTNOTE_MARKER_START).flatten.uniq
      own_defs = footnote_definitions(text)
      missing = refs_wanted - own_defs.map(&:first)
      # A reference whose definition lies in another block: a stand-in
      # definition makes kramdown read it as a reference (else it stays text).
      source = missing.empty? ? text : text + "\n\n" + missing.map { |l| "[^#{l}]: galley\n" }.join("\n")
      options = @parse_options
      options = options.merge(link_defs: link_defs) if link_defs && !link_defs.empty?
      parser = @parser.send(:new, source, options)
      parser.parse
      root = parser.root
      state = { slugs: [], refs: [], headings: [], toc: false }
      walk(root, state)
      html, = Kramdown::Converter::Html.convert(root, @options)
      defined = parser.instance_variable_get(:@footnotes) || {}
      defs = own_defs.select { |label, _| defined.key?(label) }
      { "html" => html.strip, "slugs" => state[:slugs], "refs" => state[:refs],
        "defs" => defs.uniq(&:first), "headings" => state[:headings] }
    end

    private

    def footnote_definitions(text)
      return [] unless text.include?("[^")

      # A note's text renders on its own later: the document's abbreviations
      # go with it, as kramdown applies them to notes too.
      abbreviations = "#{text}\n".scan(Kramdown::Parser::Kramdown::ABBREV_DEFINITION_START)
                                 .map { |name, title| "*[#{name}]:#{title}\n" }.join
      "#{text}\n".to_enum(:scan, Kramdown::Parser::Kramdown::FOOTNOTE_DEFINITION_START).map do
        m = Regexp.last_match
        note = m[2].gsub(Kramdown::Parser::Kramdown::INDENT, "").strip
        [m[1], abbreviations.empty? ? note : "#{note}\n\n#{abbreviations}"]
      end
    end

    def walk(el, state)
      el.children.map! do |child|
        case child.type
        when :header
          heading(child, state)
          walk(child, state)
          child
        when :footnote
          state[:refs] << child.options[:name]
          Kramdown::Element.new(:raw, format(FNREF, state[:refs].size - 1), nil, category: :span)
        when :ul, :ol
          if child.options.dig(:ial, :refs)&.include?("toc")
            # An ordered list's TOC is kramdown's ol#markdown-toc (toc.py fills it).
            Kramdown::Element.new(:raw, child.type == :ol ? ORDERED_TOC : TOC, nil, category: :block)
          else
            walk(child, state)
            child
          end
        when :html_element, :codeblock, :codespan, :raw
          walk(child, state) if child.type == :html_element
          child
        else
          walk(child, state)
          child
        end
      end
    end

    def heading(el, state)
      if !el.attr["id"] && @options[:auto_ids]
        state[:slugs] << @options[:auto_id_prefix] + slug(el.options[:raw_text].to_s)
        el.attr["id"] = format(HEADING, state[:slugs].size - 1)
      end
      return unless el.attr["id"]

      position = state[:headings].size + state[:skipped].to_i
      if @options[:toc_levels].include?(el.options[:level]) && (el.attr["class"] || "") !~ /\bno_toc\b/
        state[:headings] << [el.options[:level], el.options[:raw_text].to_s, position]
      else
        state[:skipped] = state[:skipped].to_i + 1
      end
    end

    # kramdown-parser-gfm's header ids, or kramdown's own (Converter::Base#basic_generate_id).
    def slug(text)
      if @gfm
        text.downcase.gsub(GFM_NON_WORD, "").tr(" \t", "-")
      else
        id = text.gsub(/^[^a-zA-Z]+/, "").tr("^a-zA-Z0-9 -", "").tr(" ", "-").downcase
        id.empty? ? "section" : id
      end
    end
  end

  def serve(input, output)
    renderer = Renderer.new({})
    output.puts(JSON.generate({ "ready" => true, "kramdown" => Kramdown::VERSION, "ruby" => RUBY_VERSION }))
    input.each_line do |line|
      request = nil
      begin
        request = JSON.parse(line)
        result = case request["op"]
                 when "configure"
                   renderer = Renderer.new(request["config"] || {})
                   true
                 when "render"
                   renderer.render(request["text"].to_s, request["link_defs"])
                 when "render_many"
                   defs = request["link_defs"] || []
                   request["texts"].each_with_index.map { |t, i| renderer.render(t.to_s, defs[i]) }
                 when "ping"
                   "pong"
                 else
                   raise "unknown op #{request['op'].inspect}"
                 end
        output.puts(JSON.generate({ "id" => request["id"], "result" => result }))
      rescue StandardError, ScriptError, SystemStackError => e
        id = request.is_a?(Hash) ? request["id"] : nil
        output.puts(JSON.generate({ "id" => id, "error" => "#{e.class}: #{e.message}" }))
      end
    end
  end
end

GalleyKramdown.serve($stdin, $stdout) if $PROGRAM_NAME == __FILE__
