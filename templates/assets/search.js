// Search page: Pagefind UI, seeded from ?q= and keeping the URL in step with the query (shareable, back button).
(function () {
  var params = new URLSearchParams(window.location.search);
  var root = document.getElementById('search');
  var ui = new PagefindUI({
    element: '#search',
    baseUrl: root.getAttribute('data-base-url') || '/',
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: '输入关键词、发文字号或登记号', zero_results: '没有找到与“[SEARCH_TERM]”相关的文件，请减少关键词再试' },
  });
  var q = params.get('q');
  if (q) ui.triggerSearch(q);
  var input = document.querySelector('#search input');
  if (input) {
    input.addEventListener('input', function () {
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set('q', input.value);
      else url.searchParams.delete('q');
      window.history.replaceState(null, '', url);
    });
  }
})();
