import './base.css';
import '../pages/sidebar.css';
import { SidebarPage } from '../pages/SidebarPage';
import { mount } from './mount';

mount(<SidebarPage />);
