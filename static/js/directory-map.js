/* The directory's map: an enhancement of the list, which is complete on its own.
 *
 * Nothing is requested from the tile server until the reader agrees (one click); the
 * choice is remembered in localStorage. Leaflet and leaflet.markercluster are served by
 * the site itself (static/vendor/). Popups are built with DOM methods, never innerHTML.
 */
(function () {
    "use strict";

    var CONSENT_KEY = "portal-map-consent";
    var MUENSTER = [51.9625, 7.6256];

    function hasConsent() {
        try {
            return window.localStorage.getItem(CONSENT_KEY) === "yes";
        } catch (error) {
            return false;
        }
    }

    function rememberConsent() {
        try {
            window.localStorage.setItem(CONSENT_KEY, "yes");
        } catch (error) {
            /* private mode: ask again next time */
        }
    }

    function popupContent(section, properties) {
        var wrapper = document.createElement("div");
        wrapper.className = "map-popup";
        var name = document.createElement("strong");
        name.textContent = properties.name;
        wrapper.appendChild(name);
        if (properties.kind) {
            var kind = document.createElement("div");
            kind.textContent = properties.kind;
            wrapper.appendChild(kind);
        }
        if (properties.languages && properties.languages.length) {
            var languages = document.createElement("div");
            languages.textContent = section.dataset.labelLanguages + " " + properties.languages.join(", ");
            wrapper.appendChild(languages);
        }
        if (properties.url) {
            var link = document.createElement("a");
            link.href = properties.url;
            link.textContent = section.dataset.labelProfile;
            wrapper.appendChild(link);
        }
        return wrapper;
    }

    function clusterIcon(section) {
        return function (cluster) {
            var count = cluster.getChildCount();
            var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
            var html = document.createElement("div");
            var number = document.createElement("span");
            number.textContent = String(count);
            var label = document.createElement("span");
            label.className = "visually-hidden";
            label.textContent = " " + section.dataset.labelCluster;
            html.appendChild(number);
            html.appendChild(label);
            return L.divIcon({
                html: html,
                className: "marker-cluster marker-cluster-" + size,
                iconSize: L.point(40, 40),
            });
        };
    }

    function marker(latlng, name) {
        return L.marker(latlng, { alt: name, title: name, keyboard: true });
    }

    function startMap(section, container) {
        var map = L.map(container, { scrollWheelZoom: false, zoomControl: false });
        L.control
            .zoom({
                zoomInTitle: section.dataset.labelZoomIn,
                zoomOutTitle: section.dataset.labelZoomOut,
            })
            .addTo(map);
        L.tileLayer(section.dataset.tileUrl, {
            attribution: section.dataset.attribution,
            maxZoom: 19,
        }).addTo(map);
        map.setView(MUENSTER, 12);

        if (section.dataset.lat) {
            var latlng = [parseFloat(section.dataset.lat), parseFloat(section.dataset.lng)];
            marker(latlng, section.dataset.name).addTo(map);
            map.setView(latlng, 15);
            section.dataset.markerCount = "1";
            return;
        }
        if (!section.dataset.geojsonUrl) {
            return;
        }
        fetch(section.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } })
            .then(function (response) {
                return response.json();
            })
            .then(function (data) {
                var group = L.markerClusterGroup
                    ? L.markerClusterGroup({ iconCreateFunction: clusterIcon(section) })
                    : L.featureGroup();
                L.geoJSON(data, {
                    pointToLayer: function (feature, latlng) {
                        return marker(latlng, feature.properties.name);
                    },
                    onEachFeature: function (feature, layer) {
                        layer.bindPopup(popupContent(section, feature.properties));
                    },
                }).eachLayer(function (layer) {
                    group.addLayer(layer);
                });
                map.addLayer(group);
                if (data.features.length) {
                    map.fitBounds(group.getBounds(), { maxZoom: 15, padding: [24, 24] });
                }
                section.dataset.markerCount = String(data.features.length);
            });
    }

    function setUp(section) {
        var consent = section.querySelector("[data-map-consent]");
        var button = section.querySelector("[data-map-consent-button]");
        var container = section.querySelector(".map");
        section.hidden = false;

        function start() {
            consent.hidden = true;
            container.hidden = false;
            startMap(section, container);
        }

        if (hasConsent()) {
            start();
        } else {
            button.addEventListener("click", function () {
                rememberConsent();
                start();
                container.focus();
            });
        }
    }

    function setUpToggle() {
        var toggle = document.querySelector("[data-directory-toggle]");
        var wrapper = document.querySelector(".directory");
        if (!toggle || !wrapper) {
            return;
        }
        toggle.hidden = false;
        toggle.addEventListener("click", function () {
            var showMap = wrapper.dataset.view !== "map";
            wrapper.dataset.view = showMap ? "map" : "list";
            toggle.textContent = showMap ? toggle.dataset.labelList : toggle.dataset.labelMap;
            window.dispatchEvent(new Event("resize")); /* let Leaflet measure its new size */
        });
    }

    document.querySelectorAll("[data-directory-map]").forEach(setUp);
    setUpToggle();
})();
