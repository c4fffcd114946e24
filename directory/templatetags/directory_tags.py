"""Template tags of the directory's public pages."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def facet_option(param, option):
    """One filter checkbox with its label and count.

    The list has hundreds of options at city scale (every origin and language in the
    result); one format_html per option renders them several times faster than an
    `{% include %}` per option."""
    return format_html(
        '<div class="facet__option">'
        '<input type="checkbox" id="filter-{param}-{value}" name="{param}" '
        'value="{value}"{checked}>'
        '<label for="filter-{param}-{value}"><span{lang}>{label}</span> '
        '<span class="facet__count" data-count="{count}">({count})</span></label>'
        "</div>",
        param=param,
        value=option.value,
        checked=" checked" if option.selected else "",
        lang=format_html(' lang="{}"', option.lang) if option.lang else "",
        label=option.label,
        count=option.count,
    )
