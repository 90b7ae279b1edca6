#!/usr/bin/env bash
# The workspace's library tests (every crate but the app) without the tests
# that check our output with outside programs, which scripts/deps.sh installs
# on Debian only: poppler, qpdf, LibreOffice, and the Python packages of
# .tools/venv (python-docx, pikepdf, pdfua; the email package), the Hunspell
# dictionaries. The hosted CI runs this on Windows and macOS; on Linux it
# runs every test (`make test`).
#
#   .github/scripts/portable-tests.sh [cargo test options, e.g. --locked]
#
# The tests left out are named one by one, matched exactly: a test added or
# renamed elsewhere runs here, and fails where its tool is missing, rather
# than being skipped without anyone noticing.
set -euo pipefail
cd "$(dirname "$0")/../.."

needs_tools=(
  # crates/release-docx/tests/independent_tools.rs: python-docx, LibreOffice (soffice),
  # pdfinfo, pdftotext
  python_docx_reads_paragraphs_styles_and_properties
  libreoffice_converts_the_example_to_two_pages
  libreoffice_sets_arabic_right_aligned_and_chinese_whole
  # crates/release-docx/tests/accessibility.rs and photos.rs: python-docx, LibreOffice
  word_accessibility_rules_hold
  libreoffice_tags_our_headings_in_its_pdf
  python_docx_sees_the_picture_its_alt_text_and_the_caption
  libreoffice_sees_the_picture_and_its_description
  # crates/release-cli/tests/export.rs: qpdf, unzip, pdftotext, python-docx
  export_writes_a_valid_pdf_and_docx_holding_the_draft
  # crates/release-mail/tests/parsed.rs, crates/release-pipeline/tests/editions.rs:
  # Python's email package from the tests' venv
  every_example_parses_with_its_subject_parts_and_words
  the_embargo_leads_the_subject_and_the_text
  the_pdf_goes_as_an_attachment_when_asked
  hostile_drafts_give_valid_messages_without_live_markup
  the_email_carries_the_photo_inline_beside_its_html
  # crates/release-pdf/tests/accessibility.rs: pikepdf and pdfua from the tests' venv
  every_example_is_tagged_in_reading_order_and_passes_pdfua
  hostile_documents_are_tagged_in_reading_order_and_pass_pdfua
  less_can_be_asked_for_untagged_or_tagged_only
  photos_are_figures_with_their_alt_text_before_their_captions
  # crates/release-pdf/tests/tools.rs: qpdf, pdffonts, pdftotext
  qpdf_finds_no_errors
  pdffonts_sees_every_font_embedded_subset_and_mapped
  extracted_text_is_the_documents_text
  cyrillic_text_extracts
  # crates/release-pdf/tests/languages.rs: pdftotext, pdffonts, qpdf
  every_language_renders_with_every_letter_and_font_embedded
  arabic_line_with_email_and_number_breaks_and_orders_right_to_left
  chinese_breaks_between_characters_and_no_line_starts_with_closing_punctuation
  right_to_left_mirrors_the_logo_to_the_left_and_keeps_the_label_right
  a_letter_no_font_has_is_reported_with_its_field
  extracted_text_is_the_documents_in_logical_order
  # crates/release-pdf/tests/pagination.rs: qpdf, pdftotext
  a_sixty_page_release_is_paginated_and_footed
  # crates/release-pdf/tests/photos.rs: pdfimages, qpdf
  a_jpeg_is_embedded_byte_for_byte
  a_png_keeps_its_alpha_as_a_soft_mask
  captions_and_credits_read_in_order_after_the_first_paragraph
  # crates/release-pipeline/tests/spelling.rs, crates/release-cli/tests/check_lint.rs
  # and parity.rs: the Hunspell dictionaries in /usr/share/hunspell (Debian's
  # hunspell-* packages)
  every_language_has_its_dictionary_installed
  the_examples_raise_at_most_two_findings_that_are_not_misspellings
  planted_typos_are_found_with_the_intended_word_first
  draft_names_house_words_and_acronyms_are_not_flagged
  the_users_words_are_kept_and_survive_a_restart
  the_exact_variant_missing_gives_a_note_and_the_fallback
  the_example_shows_its_defects_as_warnings_and_exits_0
  misspellings_carry_the_suggestion_in_their_fix_and_a_style_can_turn_them_off
  check_gives_the_apps_findings_for_every_draft
)

skips=()
for name in "${needs_tools[@]}"; do
  skips+=(--skip "$name")
done
echo "portable-tests: left out, as they need outside tools: ${needs_tools[*]}"
exec cargo test --workspace --exclude release-composer-app --no-fail-fast "$@" -- --exact "${skips[@]}"
