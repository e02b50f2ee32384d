"""View models and their renderers.

``view`` describes what a result shows, with no format in it; each subject module builds
the page of its results (``role_page``, ``salary``, ``path``, ``quiz`` and so on); ``to_text``,
``to_markdown`` and ``to_html`` draw a page in a format (``mlcareer.formats`` lists them).
JSON is built from the domain results in ``mlcareer.jsondoc``. Renderers compute nothing and
print nothing: ``commands.output`` prints what they return.
"""
