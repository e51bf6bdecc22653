// The image upload forms fill the title with the file name (« sac-cuir-tresse_02 »): show it
// in words instead (« Sac cuir tresse 02 »), as the server saves it (stories/image_metadata.py).
(function () {
  function readable(filename) {
    var stem = filename.replace(/\.[^.]+$/, "");
    var words = stem.replace(/[-_.+\s]+/g, " ").trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  ["wagtail:images-upload"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var detail = event.detail || {};
      if (!detail.filename || !detail.data) return;
      var title = readable(detail.filename);
      if (title) detail.data.title = title.slice(0, detail.maxTitleLength || title.length);
    });
  });
})();
