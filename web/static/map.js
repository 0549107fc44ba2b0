// The places page's map: markers for every approved place, drawn by
// Leaflet when it loaded. Without it (or without JavaScript) the list under
// the map already shows everything, so nothing here is needed to read.
"use strict";
(function () {
  var box = document.getElementById("map");
  if (!box || typeof window.L === "undefined") {
    return;
  }
  fetch(box.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (places) {
      if (!places || !places.features || places.features.length === 0) {
        return;
      }
      box.textContent = "";
      var map = window.L.map(box);
      if (box.dataset.tiles) {
        window.L.tileLayer(box.dataset.tiles, {
          maxZoom: 19,
          attribution: box.dataset.attribution || "",
        }).addTo(map);
      }
      var layer = window.L.geoJSON(places, {
        onEachFeature: function (feature, marker) {
          var link = document.createElement("a");
          link.href = "#" + feature.properties.anchor;
          link.textContent = feature.properties.name;
          marker.bindPopup(link);
        },
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [48, 48] });
    })
    .catch(function () {
      // The list below the map still shows every place.
    });
})();
