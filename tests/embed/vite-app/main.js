// A Vite app using the installed package both ways: mount() and the custom element.
import { mount } from 'swanilai';
import 'swanilai/element';

window.swanilaiWidget = await mount(document.getElementById('penilaian'), { set: 'spbe-2020', lang: 'en' });
